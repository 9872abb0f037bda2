import { Tag } from "antd";
import { useI18n } from "../../i18n";
import type { EnterpriseKind } from "../../lib/api-types";

const KIND_COLORS: Record<EnterpriseKind, string> = {
  manufacturer: "blue",
  wholesale_retail: "cyan",
  logistics: "purple",
  other: "default",
};

export function EnterpriseKindTag({ kind }: { kind: EnterpriseKind }) {
  const { t } = useI18n();
  return (
    <Tag color={KIND_COLORS[kind]} data-testid={`enterprise-kind-${kind}`}>
      {t(`enterpriseKind.${kind}`)}
    </Tag>
  );
}
