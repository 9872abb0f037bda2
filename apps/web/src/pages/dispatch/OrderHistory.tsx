import { Timeline } from "antd";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import type { OrderView } from "./orderTypes";

/** What happened to the order, in order: approved, departed, received or cancelled, each with when and who. */
export function OrderHistory({ order }: { order: OrderView }) {
  const { t } = useI18n();
  const at = formatDistrictDateTime;
  const steps = [
    {
      key: "approved",
      color: "blue",
      content: t("orders.history.approved", { at: at(order.createdAt), by: order.createdBy }),
    },
    ...(order.departedAt
      ? [
          {
            key: "departed",
            color: "gold",
            content: t("orders.history.departed", { at: at(order.departedAt), by: order.departedBy ?? "—" }),
          },
        ]
      : []),
    ...(order.receivedAt
      ? [
          {
            key: "received",
            color: "green",
            content: t("orders.history.received", {
              at: at(order.receivedAt),
              signer: order.signer ?? "—",
              by: order.receivedBy ?? "—",
            }),
          },
        ]
      : []),
    ...(order.cancelledAt
      ? [
          {
            key: "cancelled",
            color: "gray",
            content: t("orders.history.cancelled", {
              at: at(order.cancelledAt),
              by: order.cancelledBy ?? "—",
              reason: order.cancelReason ?? "",
            }),
          },
        ]
      : []),
  ];
  return <Timeline items={steps} data-testid="order-history" />;
}
