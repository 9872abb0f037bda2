import { Tag } from "antd";
import { useI18n } from "../../i18n";
import type { AidDirection, AidStatus } from "./aidTypes";

const STATUS_COLOURS: Record<AidStatus, string> = {
  open: "gold",
  promised: "blue",
  closed: "green",
  cancelled: "default",
};

export function AidStatusTag({ status }: { status: AidStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="aid-status" data-value={status}>
      {t(`aid.status.${status}`)}
    </Tag>
  );
}

export function AidDirectionTag({ direction }: { direction: AidDirection }) {
  const { t } = useI18n();
  return (
    <Tag color={direction === "out" ? "purple" : "cyan"} data-testid="aid-direction" data-value={direction}>
      {t(`aid.direction.${direction}`)}
    </Tag>
  );
}
