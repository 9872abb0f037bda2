import { Space, Tag, Tooltip } from "antd";
import { useI18n } from "../../i18n";
import type { KmBasis } from "./roadTypes";

/** A road's length; an estimated or apportioned one is marked, as population estimates are. */
export function KmCell({ km, basis }: { km: number; basis: KmBasis }) {
  const { t, formatNumber } = useI18n();
  const rough = basis === "estimated" || basis === "apportioned";
  return (
    <Space size={4}>
      <span data-testid="road-km">{formatNumber(km, 1)}</span>
      {rough && (
        <Tooltip title={t(`roads.kmBasisHint.${basis}`)}>
          <Tag className="basis-tag" data-testid="road-km-estimate">
            {t("roads.estimate")}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}
