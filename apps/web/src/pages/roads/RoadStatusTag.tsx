import { Tag, Tooltip } from "antd";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { type RoadStatus, STATUS_COLOR } from "./roadTypes";

/** A road's status: closed red, slow orange with its speed, open green; why and until when on hover. */
export function RoadStatusTag({
  status,
  speedFactor,
  reason,
  expectedReopenAt,
}: {
  status: RoadStatus;
  speedFactor: number;
  reason?: string | null;
  expectedReopenAt?: string | null;
}) {
  const { t, formatNumber } = useI18n();
  const label =
    status === "slow"
      ? t("roads.slowAt", { percent: formatNumber(Math.round(speedFactor * 100)) })
      : t(`roads.status.${status}`);
  const tag = (
    <Tag color={STATUS_COLOR[status]} data-testid={`road-status-${status}`}>
      {label}
    </Tag>
  );
  if (status === "open" || (!reason && !expectedReopenAt)) return tag;
  const lines = [
    reason,
    expectedReopenAt ? t("roads.expectedReopen", { at: formatDistrictDateTime(expectedReopenAt) }) : null,
  ].filter(Boolean);
  return <Tooltip title={lines.join(" · ")}>{tag}</Tooltip>;
}
