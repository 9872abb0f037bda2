import { Tag } from "antd";
import { useI18n } from "../../i18n";
import type { OrderStatus } from "./orderTypes";

const STATUS_COLOURS: Record<OrderStatus, string> = {
  reserved: "blue",
  departed: "gold",
  received: "green",
  cancelled: "default",
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="order-status" data-value={status}>
      {t(`orders.status.${status}`)}
    </Tag>
  );
}
