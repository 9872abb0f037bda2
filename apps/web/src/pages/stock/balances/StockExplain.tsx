import { useQuery } from "@tanstack/react-query";
import { Empty, Flex, Popover, Spin, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { QueryError } from "../../../components/QueryError";
import { QuantityText } from "../../../components/stock/QuantityText";
import { LotStatusTag } from "../../../components/stock/StockTags";
import { useI18n } from "../../../i18n";
import type { ExplainQuery, StockExplanation } from "../../../lib/api-types";
import { formatDistrictDateTime } from "../../../lib/format";
import type { UnitInfo } from "../../../lib/quantity";
import { trpc } from "../../../trpc";

/** The figures of the stock list a clerk may ask about: why they are not all available. */
export type ExplainedBucket = "reserved" | "onHold" | "available";

/**
 * Whether a figure has something behind it: reserved or held stock, or an available figure short of what is
 * on hand (reserved, held, expired or a lot not in use). Which explanation it opens, or null.
 */
export function explainedBucket(
  bucket: string,
  figures: { onHand: number; reserved: number; onHold: number; available: number },
): ExplainedBucket | null {
  if (bucket === "reserved" && figures.reserved > 0) return "reserved";
  if (bucket === "onHold" && figures.onHold > 0) return "onHold";
  if (bucket === "available" && figures.available < figures.onHand) return "available";
  return null;
}

/**
 * A reserved, held or available figure that opens, on a click, what is behind it: the reservations with their
 * dispatch reference (and 调拨单), the held or blocked lots with their notes, and the expired lots. The
 * explanation is asked for then, for this one figure, so the list itself stays one query.
 */
export function ExplainedFigure({
  target,
  unit,
  bucket,
  children,
}: {
  target: ExplainQuery;
  unit: UnitInfo;
  bucket: ExplainedBucket;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Popover
      trigger="click"
      placement="left"
      open={open}
      onOpenChange={setOpen}
      destroyOnHidden
      title={t(`stock.explain.title.${bucket}`)}
      content={<Explanation target={target} unit={unit} />}
    >
      <button
        type="button"
        className="explain-trigger"
        title={t("stock.explain.open")}
        data-testid={`explain-${bucket}`}
      >
        {children}
      </button>
    </Popover>
  );
}

function Explanation({ target, unit }: { target: ExplainQuery; unit: UnitInfo }) {
  const { t } = useI18n();
  const query = useQuery(trpc.stock.explain.queryOptions(target, { staleTime: 0 }));
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  if (!query.data) return <Spin size="small" />;
  const { reserved, held, expired } = query.data;
  if (reserved.length + held.length + expired.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("stock.explain.nothing")} />;
  return (
    <Flex vertical gap={12} className="explain-panel" data-testid="explain-panel">
      {reserved.length > 0 && <ReservedList parts={reserved} unit={unit} />}
      {held.length > 0 && <HeldList parts={held} unit={unit} />}
      {expired.length > 0 && <ExpiredList parts={expired} unit={unit} />}
    </Flex>
  );
}

/** Where a part lies: its warehouse and lot, in the secondary line. */
function Place({ warehouse, lot }: { warehouse: string; lot: string }) {
  const { t } = useI18n();
  return (
    <Typography.Text type="secondary" className="cell-code">
      {t("stock.explain.place", { warehouse, lot })}
    </Typography.Text>
  );
}

function ReservedList({ parts, unit }: { parts: StockExplanation["reserved"]; unit: UnitInfo }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={6}>
      <Typography.Text strong>{t("stock.explain.reserved")}</Typography.Text>
      {parts.map((part) => (
        <Flex
          key={`${part.dispatchRef}-${part.warehouseId}-${part.lotId}`}
          vertical
          className="explain-part"
          data-testid="explain-reserved-part"
          data-ref={part.dispatchRef}
        >
          <span>
            <QuantityText value={part.quantity} unit={unit} strong />{" "}
            {part.order ? (
              <Link to={`/dispatch/orders/${part.order.id}`} data-testid="explain-order">
                {part.dispatchRef}
              </Link>
            ) : (
              <span data-testid="explain-ref">{part.dispatchRef}</span>
            )}
          </span>
          {part.order && (
            <Typography.Text type="secondary" className="cell-code">
              {t(part.order.drill ? "stock.explain.incidentDrill" : "stock.explain.incident", {
                incident: part.order.incidentTitle,
              })}
              {" · "}
              {t(`orders.status.${part.order.status}`)}
            </Typography.Text>
          )}
          <Place warehouse={part.warehouseName} lot={part.lotCode} />
          <Typography.Text type="secondary" className="cell-code">
            {t("stock.explain.reservedBy", {
              by: part.reservedBy ?? "—",
              at: formatDistrictDateTime(part.reservedAt),
            })}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

function HeldList({ parts, unit }: { parts: StockExplanation["held"]; unit: UnitInfo }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={6}>
      <Typography.Text strong>{t("stock.explain.held")}</Typography.Text>
      {parts.map((part) => (
        <Flex
          key={`${part.warehouseId}-${part.lotId}`}
          vertical
          className="explain-part"
          data-testid="explain-held-part"
          data-lot={part.lotCode}
        >
          <span>
            {part.onHold > 0 && (
              <>
                <QuantityText value={part.onHold} unit={unit} strong /> {t("stock.explain.onHold")}{" "}
              </>
            )}
            {part.lotStatus !== "available" && <LotStatusTag status={part.lotStatus} />}
          </span>
          {part.lotStatus !== "available" && (
            <Typography.Text type="secondary" className="cell-code">
              {t("stock.explain.lotBlocked")} <QuantityText value={part.onHand} unit={unit} />
              {part.statusNote ? ` · ${part.statusNote}` : ""}
            </Typography.Text>
          )}
          <Place warehouse={part.warehouseName} lot={part.lotCode} />
          {part.lastHold && (
            <Typography.Text type="secondary" className="cell-code">
              {t("stock.explain.heldBy", {
                note: part.lastHold.note ?? "—",
                by: part.lastHold.by ?? "—",
                at: formatDistrictDateTime(part.lastHold.at),
              })}
            </Typography.Text>
          )}
        </Flex>
      ))}
    </Flex>
  );
}

function ExpiredList({ parts, unit }: { parts: StockExplanation["expired"]; unit: UnitInfo }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={6}>
      <Typography.Text strong>{t("stock.explain.expired")}</Typography.Text>
      {parts.map((part) => (
        <Flex
          key={`${part.warehouseId}-${part.lotId}`}
          vertical
          className="explain-part"
          data-testid="explain-expired-part"
          data-lot={part.lotCode}
        >
          <span>
            <QuantityText value={part.onHand} unit={unit} strong />{" "}
            {t("stock.explain.expiredOn", { date: part.expiryDate })}
          </span>
          <Place warehouse={part.warehouseName} lot={part.lotCode} />
        </Flex>
      ))}
    </Flex>
  );
}
