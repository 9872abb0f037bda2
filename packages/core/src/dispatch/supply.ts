import {
  agreementCalloffs,
  agreementLines,
  agreements,
  balances,
  dispatchOrderLines,
  dispatchOrders,
  lots,
  type Tx,
} from "@relief/db";
import { msg } from "@relief/domain";
import { and, asc, eq, gte, isNull, ne, or, sql } from "drizzle-orm";
import { agreementViews } from "../agreements/list";
import { ConflictError, type ErrorIssue } from "../errors";

/** What a plan sends from one source: a warehouse × item, summed over every trip. */
export interface Sent {
  warehouseId: number;
  itemId: number;
  quantity: number;
}

/**
 * Where agreement stock at an enterprise site comes from, in the order it is taken: call-offs already made for
 * the incident (its number as dispatch reference; the order line points at them), then the lines of stock
 * agreements in force still to call off (the order calls them off under its own number).
 */
export interface AgreementSource {
  lineId: number;
  calloffId: number | null;
  left: number;
}

export interface SupplyNames {
  warehouse: (id: number) => string;
  item: (id: number) => { name: string; baseUnit: string };
}

/** Promisable stock of an item in a warehouse, in lots usable on `usableOn` (the plan's rule). */
function freeStock(tx: Tx, warehouseId: number, itemId: number, usableOn: string): number {
  const free = sql<number>`${balances.onHand} - ${balances.reserved} - ${balances.onHold}`;
  return (
    tx
      .select({ free: sql<number>`COALESCE(SUM(${free}), 0)` })
      .from(balances)
      .innerJoin(lots, eq(lots.id, balances.lotId))
      .where(
        and(
          eq(balances.warehouseId, warehouseId),
          eq(balances.itemId, itemId),
          eq(lots.status, "available"),
          or(isNull(lots.expiryDate), gte(lots.expiryDate, usableOn)),
          sql`${free} > 0`,
        ),
      )
      .get()?.free ?? 0
  );
}

/** The incident's own call-offs of a site's item, less what orders not cancelled already carry from them. */
function incidentCalloffs(tx: Tx, incidentRef: string, s: Omit<Sent, "quantity">): AgreementSource[] {
  const carried = tx
    .select({ q: sql<number>`COALESCE(SUM(${dispatchOrderLines.quantity}), 0)` })
    .from(dispatchOrderLines)
    .innerJoin(dispatchOrders, eq(dispatchOrders.id, dispatchOrderLines.orderId))
    .where(
      and(eq(dispatchOrderLines.calloffId, agreementCalloffs.id), ne(dispatchOrders.status, "cancelled")),
    );
  return tx
    .select({
      lineId: agreementCalloffs.lineId,
      calloffId: agreementCalloffs.id,
      left: sql<number>`COALESCE(${agreementCalloffs.deliveredQuantity}, ${agreementCalloffs.quantity}) - (${carried})`,
    })
    .from(agreementCalloffs)
    .innerJoin(agreementLines, eq(agreementLines.id, agreementCalloffs.lineId))
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .where(
      and(
        eq(agreementCalloffs.dispatchRef, incidentRef),
        eq(agreements.kind, "stock"),
        isNull(agreementCalloffs.cancelledAt),
        eq(agreementLines.warehouseId, s.warehouseId),
        eq(agreementLines.itemId, s.itemId),
      ),
    )
    .orderBy(asc(agreementCalloffs.id))
    .all()
    .filter((c) => c.left > 0);
}

/**
 * Checks, inside the approving transaction, that everything a plan sends is still there: promisable stock in
 * the district's warehouses (usable on the plan's deadline day), agreement stock at enterprise sites (the
 * incident's call-offs, then lines in force with room: latest verified figure, else declared, at most the
 * commitment, less open call-offs — the plan's rule). Refuses with each warehouse and item that changed,
 * planned against available now; otherwise answers the agreement sources to draw on, per site and item.
 */
export function checkSupply(
  tx: Tx,
  sent: { stock: Sent[]; agreement: Sent[] },
  context: { incidentRef: string; usableOn: string; now: string; names: SupplyNames },
): Map<string, AgreementSource[]> {
  const issues: ErrorIssue[] = [];
  const changed = (
    key: "orders.error.stockLineChanged" | "orders.error.agreementLineChanged",
    s: Sent,
    available: number,
  ) => {
    const item = context.names.item(s.itemId);
    issues.push({
      field: `sources.${s.warehouseId}.${s.itemId}`,
      message: msg(key, {
        warehouse: context.names.warehouse(s.warehouseId),
        item: item.name,
        unit: item.baseUnit,
        planned: s.quantity,
        available,
      }),
    });
  };
  for (const s of sent.stock) {
    const available = freeStock(tx, s.warehouseId, s.itemId, context.usableOn);
    if (available < s.quantity) changed("orders.error.stockLineChanged", s, available);
  }

  const sources = new Map<string, AgreementSource[]>();
  const views = sent.agreement.length > 0 ? agreementViews(tx, {}, context.now) : [];
  for (const s of sent.agreement) {
    const list = incidentCalloffs(tx, context.incidentRef, s);
    for (const agreement of views) {
      if (!agreement.inForce || agreement.kind !== "stock") continue;
      for (const line of agreement.lines) {
        if (line.warehouseId !== s.warehouseId || line.itemId !== s.itemId) continue;
        const figure = line.latestVerification?.quantity ?? line.latestDeclaration?.quantity ?? 0;
        const left = Math.floor(Math.max(0, Math.min(figure, line.quantity) - line.openCalloffQuantity));
        if (left > 0) list.push({ lineId: line.id, calloffId: null, left });
      }
    }
    const available = list.reduce((sum, c) => sum + c.left, 0);
    if (available < s.quantity) changed("orders.error.agreementLineChanged", s, available);
    sources.set(`${s.warehouseId}|${s.itemId}`, list);
  }
  if (issues.length > 0)
    throw new ConflictError(msg("orders.error.stockChanged", { count: issues.length }), issues);
  return sources;
}

/** Takes `quantity` from the sources in order: the parts, each from one call-off or one line. */
export function drawAgreement(sources: AgreementSource[], quantity: number): AgreementSource[] {
  const parts: AgreementSource[] = [];
  let need = quantity;
  for (const source of sources) {
    if (need <= 0) break;
    const take = Math.min(need, source.left);
    if (take <= 0) continue;
    parts.push({ ...source, left: take });
    source.left -= take;
    need -= take;
  }
  return parts;
}
