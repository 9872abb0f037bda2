import {
  agreementCalloffs,
  areas,
  type DbOrTx,
  type DiscrepancyOutcome,
  dispatchOrderLines,
  dispatchOrders,
  dispatchPlans,
  incidents,
  items,
  lots,
  type OrderStatus,
  type Ownership,
  users,
  warehouses,
} from "@relief/db";
import { msg } from "@relief/domain";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { type CalloffAnswer, calloffAnswer, calloffAnswerColumns } from "../agreements/history";
import { NotFoundError } from "../errors";
import { type Page, pageWindow } from "../paging";
import { OrderIdInput, OrdersInput } from "./order-schemas";

/** One row of an incident's orders (`dispatch.orders`). */
export interface OrderSummary {
  id: number;
  number: string;
  planId: number;
  planVersion: number;
  /** The plan's flag (a road on its undeparted trips closed since approval); null once it is replaced. */
  planFlaggedAt: string | null;
  drill: boolean;
  status: OrderStatus;
  sourceWarehouseId: number;
  sourceWarehouseName: string;
  areaId: number;
  areaName: string;
  vehicleId: number | null;
  vehicleLabel: string;
  plate: string;
  driver: string;
  trip: number;
  plannedDepartAt: string;
  plannedArrivalAt: string;
  requiredBy: string;
  lineCount: number;
  createdAt: string;
  departedAt: string | null;
  receivedAt: string | null;
  cancelledAt: string | null;
}

export interface OrderLineView {
  id: number;
  lineNo: number;
  itemId: number;
  itemCode: string;
  itemName: string;
  specification: string;
  /** The item's base unit: every quantity of the line is in it. */
  unit: string;
  /** The lot (批号); null for agreement stock until the enterprise loads it. */
  lotId: number | null;
  lotCode: string | null;
  productionDate: string | null;
  expiryDate: string | null;
  ownership: Ownership;
  quantity: number;
  calloffId: number | null;
  calloffNumber: string | null;
  /** The enterprise's answer to the line's call-off: when it expects to leave, or what it cannot deliver. */
  calloffAnswer: CalloffAnswer | null;
  receivedQuantity: number | null;
  discrepancyQuantity: number | null;
  discrepancyOutcome: DiscrepancyOutcome | null;
  discrepancyReason: string | null;
  note: string | null;
}

/**
 * A 调拨单 with everything the paper carries (domain reference §6): number, authorising body and reference,
 * issuing unit, source warehouse, receiving township and contact, lines (name, specification, batch, unit,
 * quantity), purpose, vehicle, plate and driver, required arrival, issue time (`createdAt`), and its life
 * since: departure, receipt with signer, or cancellation with who, when and why.
 */
export interface OrderView extends Omit<OrderSummary, "lineCount"> {
  incidentId: number;
  incidentNumber: string;
  incidentTitle: string;
  authority: string;
  authorityRef: string;
  issuingUnit: string;
  purpose: string;
  sourceWarehouse: {
    id: number;
    code: string;
    name: string;
    address: string;
    manager: string;
    phone: string;
  };
  /** The receiving area and, for a village, its township (delivery is at the township seat). */
  area: { id: number; name: string; townshipName: string | null };
  receiverName: string;
  receiverPhone: string;
  driverPhone: string;
  createdBy: string;
  departedBy: string | null;
  receivedBy: string | null;
  signer: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
  lines: OrderLineView[];
}

function summaryQuery(db: DbOrTx) {
  return db
    .select({
      order: dispatchOrders,
      planVersion: dispatchPlans.version,
      planFlaggedAt: dispatchPlans.flaggedAt,
      planCancelledAt: dispatchPlans.cancelledAt,
      sourceWarehouseName: warehouses.name,
      areaName: areas.name,
    })
    .from(dispatchOrders)
    .innerJoin(dispatchPlans, eq(dispatchPlans.id, dispatchOrders.planId))
    .innerJoin(warehouses, eq(warehouses.id, dispatchOrders.sourceWarehouseId))
    .innerJoin(areas, eq(areas.id, dispatchOrders.areaId));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>["all"]>>[number];

function toSummary(r: SummaryRow, lines: number): OrderSummary {
  const o = r.order;
  return {
    id: o.id,
    number: o.number,
    planId: o.planId,
    planVersion: r.planVersion,
    planFlaggedAt: r.planCancelledAt === null ? r.planFlaggedAt : null,
    drill: o.drill,
    status: o.status,
    sourceWarehouseId: o.sourceWarehouseId,
    sourceWarehouseName: r.sourceWarehouseName,
    areaId: o.areaId,
    areaName: r.areaName,
    vehicleId: o.vehicleId,
    vehicleLabel: o.vehicleLabel,
    plate: o.plate,
    driver: o.driver,
    trip: o.trip,
    plannedDepartAt: o.plannedDepartAt,
    plannedArrivalAt: o.plannedArrivalAt,
    requiredBy: o.requiredBy,
    lineCount: lines,
    createdAt: o.createdAt,
    departedAt: o.departedAt,
    receivedAt: o.receivedAt,
    cancelledAt: o.cancelledAt,
  };
}

/** An incident's dispatch orders, optionally of one plan version and of one status, paged; in order of approval, then number. */
export function listOrders(db: DbOrTx, input: OrdersInput): Page<OrderSummary> {
  const q = OrdersInput.parse(input);
  const where = and(
    eq(dispatchOrders.incidentId, q.incidentId),
    q.planId ? eq(dispatchOrders.planId, q.planId) : undefined,
    q.status ? eq(dispatchOrders.status, q.status) : undefined,
  );
  const total = db.select({ n: count() }).from(dispatchOrders).where(where).get()?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  const rows = summaryQuery(db)
    .where(where)
    .orderBy(asc(dispatchOrders.createdAt), asc(dispatchOrders.number))
    .limit(limit)
    .offset(offset)
    .all();
  const ids = rows.map((r) => r.order.id);
  const counts = new Map(
    ids.length === 0
      ? []
      : db
          .select({ orderId: dispatchOrderLines.orderId, n: count() })
          .from(dispatchOrderLines)
          .where(inArray(dispatchOrderLines.orderId, ids))
          .groupBy(dispatchOrderLines.orderId)
          .all()
          .map((c) => [c.orderId, c.n]),
  );
  return { total, rows: rows.map((r) => toSummary(r, counts.get(r.order.id) ?? 0)) };
}

/** One 调拨单 with its source, destination, truck, lines and history. */
export function getOrder(db: DbOrTx, orderId: number): OrderView {
  const id = OrderIdInput.parse({ orderId }).orderId;
  const row = summaryQuery(db).where(eq(dispatchOrders.id, id)).get();
  if (!row) throw new NotFoundError(msg("orders.error.orderNotFound", { id: String(id) }));
  const o = row.order;
  const incident = db
    .select({ number: incidents.number, title: incidents.title })
    .from(incidents)
    .where(eq(incidents.id, o.incidentId))
    .get();
  const source = db.select().from(warehouses).where(eq(warehouses.id, o.sourceWarehouseId)).get();
  const area = db.select().from(areas).where(eq(areas.id, o.areaId)).get();
  const township =
    area?.level === "village" && area.parentId !== null
      ? db.select({ name: areas.name }).from(areas).where(eq(areas.id, area.parentId)).get()
      : undefined;
  const userIds = [o.createdBy, o.departedBy, o.receivedBy, o.cancelledBy].filter(
    (u): u is number => u !== null,
  );
  const names = new Map(
    db
      .select({ id: users.id, name: users.username })
      .from(users)
      .where(inArray(users.id, userIds))
      .all()
      .map((u) => [u.id, u.name]),
  );
  const who = (userId: number | null) => (userId === null ? null : (names.get(userId) ?? null));
  const lines = db
    .select({
      line: dispatchOrderLines,
      itemCode: items.code,
      itemName: items.name,
      specification: items.specification,
      unit: items.baseUnit,
      lotCode: lots.lotCode,
      productionDate: lots.productionDate,
      expiryDate: lots.expiryDate,
      calloffNumber: agreementCalloffs.number,
      answer: calloffAnswerColumns(agreementCalloffs),
    })
    .from(dispatchOrderLines)
    .innerJoin(items, eq(items.id, dispatchOrderLines.itemId))
    .leftJoin(lots, eq(lots.id, dispatchOrderLines.lotId))
    .leftJoin(agreementCalloffs, eq(agreementCalloffs.id, dispatchOrderLines.calloffId))
    .where(eq(dispatchOrderLines.orderId, id))
    .orderBy(asc(dispatchOrderLines.lineNo))
    .all();
  const { lineCount: _, ...summary } = toSummary(row, lines.length);
  return {
    ...summary,
    incidentId: o.incidentId,
    incidentNumber: incident?.number ?? "",
    incidentTitle: incident?.title ?? "",
    authority: o.authority,
    authorityRef: o.authorityRef,
    issuingUnit: o.issuingUnit,
    purpose: o.purpose,
    sourceWarehouse: {
      id: o.sourceWarehouseId,
      code: source?.code ?? "",
      name: source?.name ?? "",
      address: source?.address ?? "",
      manager: source?.manager ?? "",
      phone: source?.phone ?? "",
    },
    area: { id: o.areaId, name: row.areaName, townshipName: township?.name ?? null },
    receiverName: o.receiverName,
    receiverPhone: o.receiverPhone,
    driverPhone: o.driverPhone,
    createdBy: who(o.createdBy) ?? "",
    departedBy: who(o.departedBy),
    receivedBy: who(o.receivedBy),
    signer: o.signer,
    cancelledBy: who(o.cancelledBy),
    cancelReason: o.cancelReason,
    lines: lines.map((l) => ({
      id: l.line.id,
      lineNo: l.line.lineNo,
      itemId: l.line.itemId,
      itemCode: l.itemCode,
      itemName: l.itemName,
      specification: l.specification,
      unit: l.unit,
      lotId: l.line.lotId,
      lotCode: l.lotCode,
      productionDate: l.productionDate,
      expiryDate: l.expiryDate,
      ownership: l.line.ownership,
      quantity: l.line.quantity,
      calloffId: l.line.calloffId,
      calloffNumber: l.calloffNumber,
      calloffAnswer: calloffAnswer(l.answer),
      receivedQuantity: l.line.receivedQuantity,
      discrepancyQuantity: l.line.discrepancyQuantity,
      discrepancyOutcome: l.line.discrepancyOutcome,
      discrepancyReason: l.line.discrepancyReason,
      note: l.line.note,
    })),
  };
}
