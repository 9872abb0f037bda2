import {
  aidReplies,
  aidReplyLines,
  aidReplyTrucks,
  aidRequestLines,
  aidRequests,
  areas,
  items,
  type Tx,
} from "@relief/db";
import { AID_NUMBER_PREFIX, isAidActive, msg, TRUCK_CLASSES } from "@relief/domain";
import { desc, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, type ErrorIssue, NotFoundError, UnauthorizedError, ValidationError } from "../errors";
import { assertIncidentOpen } from "../incidents/status";
import { startsWithText } from "../search";
import { localDate, localDateTime } from "../time";
import { type AidView, getAid } from "./list";
import { activeNeighbour } from "./neighbours";
import { AidCancelInput, AidReplyInput, AidRequestInput } from "./schemas";

export type AidRequestRow = typeof aidRequests.$inferSelect;

/** `HZ-202611-0001`: numbered by the district month, gap-free inside the writing transaction. */
function nextAidNumber(tx: Tx, at: string): string {
  const prefix = `${AID_NUMBER_PREFIX}-${localDate(at).slice(0, 7).replace("-", "")}-`;
  const last = tx
    .select({ number: aidRequests.number })
    .from(aidRequests)
    .where(startsWithText(aidRequests.number, prefix))
    .orderBy(desc(sql`length(${aidRequests.number})`), desc(aidRequests.number))
    .limit(1)
    .get();
  const sequence = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(sequence).padStart(4, "0")}`;
}

export function aidRequestRow(tx: Tx, requestId: number): AidRequestRow {
  const row = tx.select().from(aidRequests).where(eq(aidRequests.id, requestId)).get();
  if (!row) throw new NotFoundError(msg("aid.error.requestNotFound", { id: String(requestId) }));
  return row;
}

/** Refuses a request that is closed or cancelled: nothing more may be recorded against it. */
export function assertAidActive(
  row: Pick<AidRequestRow, "number" | "status">,
  action: "reply" | "cancel" | "move",
): void {
  if (isAidActive(row.status)) return;
  throw new ConflictError(
    msg(`aid.error.${action}Finished`, { number: row.number, status: msg(`aid.status.${row.status}`) }),
  );
}

/** Every line names a known, active item, each item once. */
function checkItems(tx: Tx, lines: Array<{ itemId: number }>): void {
  const ids = [...new Set(lines.map((l) => l.itemId))];
  const found = new Map(
    tx
      .select({ id: items.id, name: items.name, active: items.active })
      .from(items)
      .where(inArray(items.id, ids))
      .all()
      .map((i) => [i.id, i]),
  );
  const issues: ErrorIssue[] = [];
  const seen = new Map<number, number>();
  lines.forEach((line, i) => {
    const item = found.get(line.itemId);
    const field = `lines.${i}.itemId`;
    if (!item)
      issues.push({
        field,
        message: msg("aid.error.lineItemUnknown", { line: i + 1, id: String(line.itemId) }),
      });
    else if (!item.active)
      issues.push({ field, message: msg("aid.error.lineItemInactive", { line: i + 1, item: item.name }) });
    else if (seen.has(line.itemId))
      issues.push({
        field,
        message: msg("aid.error.lineItemTwice", {
          line: i + 1,
          item: item.name,
          first: (seen.get(line.itemId) ?? 0) + 1,
        }),
      });
    seen.set(line.itemId, i);
  });
  if (issues.length > 0)
    throw new ValidationError(msg("common.error.list", { items: issues.map((x) => x.message) }), issues);
}

function refuse(field: string, message: ReturnType<typeof msg>): never {
  throw new ValidationError(message, [{ field, message }]);
}

/**
 * Raises a request. Out (Banan asks): for an open incident, delivered to one of Banan's areas, needed by a
 * time still ahead. In (a neighbour asks Banan): delivered at the neighbour's entry node, so no area; the
 * incident is optional. Numbered HZ-YYYYMM-NNNN; the .xlsx to send is `aid.requestSheet`.
 */
export function requestAid({ ctx, input }: { ctx: CoreContext; input: AidRequestInput }): AidView {
  if (!ctx.actor) throw new UnauthorizedError();
  const actor = ctx.actor;
  const fields = AidRequestInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const at = nowIso(ctx);
    const neighbour = activeNeighbour(tx, fields.neighbourId);
    if (Date.parse(fields.neededBy) <= Date.parse(at))
      refuse(
        "neededBy",
        msg("aid.error.neededByPast", { neededBy: localDateTime(fields.neededBy), now: localDateTime(at) }),
      );
    if (fields.direction === "out") {
      if (fields.incidentId === null) refuse("incidentId", msg("aid.error.incidentRequired"));
      assertIncidentOpen(tx, fields.incidentId);
      if (fields.deliveryAreaId === null) refuse("deliveryAreaId", msg("aid.error.deliveryAreaRequired"));
      const area = tx
        .select({ level: areas.level })
        .from(areas)
        .where(eq(areas.id, fields.deliveryAreaId))
        .get();
      if (!area || area.level === "district")
        refuse("deliveryAreaId", msg("aid.error.deliveryAreaUnknown", { id: String(fields.deliveryAreaId) }));
    } else {
      if (fields.deliveryAreaId !== null)
        refuse("deliveryAreaId", msg("aid.error.inboundAtEntry", { neighbour: neighbour.name }));
      if (fields.incidentId !== null) assertIncidentOpen(tx, fields.incidentId);
    }
    checkItems(tx, fields.lines);
    const number = nextAidNumber(tx, at);
    const row = tx
      .insert(aidRequests)
      .values({
        number,
        direction: fields.direction,
        neighbourId: neighbour.id,
        incidentId: fields.incidentId,
        deliveryAreaId: fields.deliveryAreaId,
        neededBy: new Date(fields.neededBy).toISOString(),
        note: fields.note,
        requestedBy: actor.userId,
        requestedAt: at,
      })
      .returning({ id: aidRequests.id })
      .get();
    tx.insert(aidRequestLines)
      .values(
        fields.lines.map((l, i) => ({
          requestId: row.id,
          lineNo: i + 1,
          itemId: l.itemId,
          quantity: l.quantity,
        })),
      )
      .run();
    recordAudit(tx, ctx, {
      action: "aid.request",
      targetType: "aid_request",
      targetIds: [row.id],
      summary: { number, ...fields },
    });
    return getAid(tx, row.id);
  });
}

/**
 * Records a neighbour's reply to a request out: what it sends (items of the request), when it will be at its
 * entry node, on which trucks (a truck's payload and volume default to its class). A later reply replaces the
 * earlier one; both are kept. Refused for a closed or cancelled request, and for a request in (Banan answers
 * those by sending goods).
 */
export function replyAid({ ctx, input }: { ctx: CoreContext; input: AidReplyInput }): AidView {
  if (!ctx.actor) throw new UnauthorizedError();
  const actor = ctx.actor;
  const fields = AidReplyInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const request = aidRequestRow(tx, fields.requestId);
    assertAidActive(request, "reply");
    if (request.direction !== "out")
      throw new ConflictError(msg("aid.error.replyOnlyOut", { number: request.number }));
    const asked = new Set(
      tx
        .select({ itemId: aidRequestLines.itemId })
        .from(aidRequestLines)
        .where(eq(aidRequestLines.requestId, request.id))
        .all()
        .map((l) => l.itemId),
    );
    checkItems(tx, fields.lines);
    const issues: ErrorIssue[] = [];
    fields.lines.forEach((l, i) => {
      if (!asked.has(l.itemId))
        issues.push({
          field: `lines.${i}.itemId`,
          message: msg("aid.error.itemNotRequested", { line: i + 1, number: request.number }),
        });
    });
    const plates = new Map<string, number>();
    fields.trucks.forEach((t, i) => {
      const first = plates.get(t.plate);
      if (first !== undefined)
        issues.push({
          field: `trucks.${i}.plate`,
          message: msg("aid.error.truckTwice", { plate: t.plate, first: first + 1 }),
        });
      plates.set(t.plate, i);
    });
    if (Date.parse(fields.arriveAt) < Date.parse(request.requestedAt))
      issues.push({
        field: "arriveAt",
        message: msg("aid.error.arriveBeforeRequest", {
          arriveAt: localDateTime(fields.arriveAt),
          requestedAt: localDateTime(request.requestedAt),
        }),
      });
    if (issues.length > 0)
      throw new ValidationError(msg("common.error.list", { items: issues.map((x) => x.message) }), issues);
    const at = nowIso(ctx);
    const reply = tx
      .insert(aidReplies)
      .values({
        requestId: request.id,
        arriveAt: new Date(fields.arriveAt).toISOString(),
        note: fields.note,
        recordedBy: actor.userId,
        recordedAt: at,
      })
      .returning({ id: aidReplies.id })
      .get();
    tx.insert(aidReplyLines)
      .values(fields.lines.map((l) => ({ replyId: reply.id, itemId: l.itemId, quantity: l.quantity })))
      .run();
    tx.insert(aidReplyTrucks)
      .values(
        fields.trucks.map((t) => {
          const standard = TRUCK_CLASSES[t.type === "other" ? "medium" : t.type];
          return {
            replyId: reply.id,
            plate: t.plate,
            type: t.type,
            payloadKg: t.payloadKg ?? standard.payloadKg,
            volumeM3: t.volumeM3 ?? standard.volumeM3,
            driver: t.driver,
            phone: t.phone,
          };
        }),
      )
      .run();
    tx.update(aidRequests).set({ status: "promised" }).where(eq(aidRequests.id, request.id)).run();
    recordAudit(tx, ctx, {
      action: "aid.reply",
      targetType: "aid_request",
      targetIds: [request.id],
      summary: { number: request.number, ...fields },
    });
    return getAid(tx, request.id);
  });
}

/** Withdraws a request with its reason; what already moved stays on the loans list. */
export function cancelAid({ ctx, input }: { ctx: CoreContext; input: AidCancelInput }): AidView {
  const fields = AidCancelInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const request = aidRequestRow(tx, fields.requestId);
    assertAidActive(request, "cancel");
    tx.update(aidRequests)
      .set({ status: "cancelled", cancelledAt: nowIso(ctx), cancelReason: fields.reason })
      .where(eq(aidRequests.id, request.id))
      .run();
    recordAudit(tx, ctx, {
      action: "aid.cancel",
      targetType: "aid_request",
      targetIds: [request.id],
      summary: { number: request.number, ...fields },
    });
    return getAid(tx, request.id);
  });
}
