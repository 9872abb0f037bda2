import { Tag, Tooltip } from "antd";
import { useI18n } from "../i18n";
import type { PopulationBasis } from "../lib/api-types";

const COLORS: Record<PopulationBasis, string> = { census: "green", official: "blue", estimate: "orange" };

/** Where a population figure comes from; an estimate is flagged so nobody mistakes it for a statistic. */
export function BasisTag({ basis }: { basis: PopulationBasis }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t(`basis.${basis}.hint`)}>
      <Tag color={COLORS[basis]} data-testid={`basis-${basis}`}>
        {t(`basis.${basis}`)}
      </Tag>
    </Tooltip>
  );
}
