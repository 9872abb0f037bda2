import { DiffOutlined } from "@ant-design/icons";
import { Button, Select } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { PlanCompareModal } from "./PlanCompareModal";
import type { PlanVersion } from "./planTypes";

/** The incident's plan versions, newest first, with their headline figures; and comparing two of them. */
export function PlanVersions({
  versions,
  planId,
  onChoose,
  areaName,
}: {
  versions: readonly PlanVersion[];
  planId: number | null;
  onChoose: (planId: number) => void;
  areaName: (id: number) => string;
}) {
  const { t, formatNumber } = useI18n();
  const [comparing, setComparing] = useState(false);
  if (versions.length === 0) return null;
  const label = (v: PlanVersion) =>
    t("plan.version.label", { version: v.version, time: formatDistrictDateTime(v.createdAt).slice(5) });
  const headline = (v: PlanVersion) =>
    v.summary
      ? t("plan.version.headline", {
          served: formatNumber(v.summary.peopleServed),
          people: formatNumber(v.summary.people),
        })
      : t(`dispatch.planStatus.${v.status}`);
  return (
    <>
      <Select<number>
        value={planId ?? undefined}
        onChange={onChoose}
        style={{ minWidth: 280 }}
        data-testid="plan-version"
        options={versions.map((v) => ({ value: v.planId, label: `${label(v)} · ${headline(v)}` }))}
      />
      {versions.length > 1 && (
        <Button icon={<DiffOutlined />} onClick={() => setComparing(true)} data-testid="plan-compare">
          {t("plan.compare.open")}
        </Button>
      )}
      {comparing && (
        <PlanCompareModal
          versions={versions}
          current={planId}
          versionLabel={label}
          areaName={areaName}
          onClose={() => setComparing(false)}
        />
      )}
    </>
  );
}
