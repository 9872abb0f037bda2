import { Tag, Tooltip } from "antd";
import { useI18n } from "../../i18n";
import type { CalloffView, DeclarationView } from "../../lib/api-types";
import { formatDistrictDateTime } from "../../lib/format";

type DeclarationStatus = DeclarationView["status"];
/** The enterprise's answer to a call-off, as the server gives it on the call-off and on each 调拨单 line. */
type CalloffAnswer = CalloffView["answer"];

const DECLARATION_COLORS: Record<DeclarationStatus, string> = {
  submitted: "blue",
  accepted: "green",
  returned: "red",
};

/** 待审核 blue, 已采纳 green, 已退回 red. */
export function DeclarationStatusTag({ status }: { status: DeclarationStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={DECLARATION_COLORS[status]} data-testid="declaration-status" data-value={status}>
      {t(`declarations.status.${status}`)}
    </Tag>
  );
}

/**
 * 企业回复: acknowledged with its estimated departure (green), or cannot deliver with how much it can and why
 * (red); nothing while the enterprise has not answered. Quantities in the item's base unit.
 */
export function CalloffAnswerTag({ answer, baseUnit }: { answer: CalloffAnswer | null; baseUnit: string }) {
  const { t, formatNumber } = useI18n();
  if (!answer) return null;
  const answeredAt = t("portal.answer.answeredAt", { at: formatDistrictDateTime(answer.at) });
  if (answer.kind === "acknowledged") {
    return (
      <Tooltip title={answeredAt}>
        <Tag color="green" data-testid="calloff-answer" data-kind={answer.kind}>
          {t("portal.answer.acknowledged", { at: formatDistrictDateTime(answer.estimatedDeparture) })}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={`${answeredAt} · ${answer.reason}`}>
      <Tag color="red" data-testid="calloff-answer" data-kind={answer.kind}>
        {t("portal.answer.cannotDeliver", {
          quantity: `${formatNumber(answer.canDeliverQuantity)} ${baseUnit}`,
          reason: answer.reason,
        })}
      </Tag>
    </Tooltip>
  );
}
