import { Tag } from "antd";
import { useI18n } from "../../i18n";
import type { IncidentStatus, ReportKind } from "./incidentTypes";

/** 演练: a drill is marked wherever an incident is named, so nobody mistakes it for a disaster. */
export function DrillTag({ drill }: { drill: boolean }) {
  const { t } = useI18n();
  if (!drill) return null;
  return (
    <Tag color="purple" data-testid="incident-drill">
      {t("incidents.drill")}
    </Tag>
  );
}

export function IncidentStatusTag({ status }: { status: IncidentStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={status === "open" ? "red" : "default"} data-testid={`incident-status-${status}`}>
      {t(`incidents.status.${status}`)}
    </Tag>
  );
}

const KIND_COLOURS: Record<ReportKind, string> = { initial: "blue", follow_up: "gold", verified: "green" };

export function ReportKindTag({ kind }: { kind: ReportKind }) {
  const { t } = useI18n();
  return (
    <Tag color={KIND_COLOURS[kind]} data-testid={`report-kind-${kind}`}>
      {t(`incidents.reportKind.${kind}`)}
    </Tag>
  );
}
