import {
  agreementCalloffs,
  agreementLines,
  agreements,
  agreementVerifications,
  type CreditEventKind,
  creditEvents,
  type DbOrTx,
  enterprises,
  users,
} from "@relief/db";
import { type CreditGrade, type CreditTerm, msg } from "@relief/domain";
import { and, count, desc, eq, gte, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { NotFoundError, UnauthorizedError } from "../errors";
import { assertDates, DATE_WINDOWS } from "../limits";
import { addDays, districtDayStart, localDate } from "../time";
import { RecordCreditEventInput } from "./schemas";

export type { CreditGrade };

/** Credit records look back two years. */
export const CREDIT_WINDOW_DAYS = 730;
/** A verification finding less than this share of the latest declaration is a discrepancy. */
export const DISCREPANCY_THRESHOLD = 0.95;

/** Points deducted (or, for a commendation, added) per noted event. */
export const CREDIT_EVENT_POINTS: Record<CreditEventKind, number> = {
  failed_delivery: -20,
  refused_inspection: -25,
  false_declaration: -15,
  commendation: 5,
};

export interface CreditInputs {
  /** Call-offs delivered, or still open past their required-by time (cancelled ones never count). */
  calloffsDue: number;
  /** Of those, delivered in full by the required-by time. */
  calloffsOnTime: number;
  quantityRequested: number;
  /** Delivered quantity, each call-off counted at most up to what it requested. */
  quantityDelivered: number;
  verifications: number;
  discrepancies: number;
  events: Record<CreditEventKind, number>;
}

export interface CreditScore {
  onTimeRate: number | null;
  fillRate: number | null;
  score: number;
  grade: CreditGrade;
  /** Each term of the formula with its points, for the screen and the README's worked example. */
  terms: Array<{ term: CreditTerm; points: number }>;
}

/**
 * The credit formula (README, “信用等级”): start at 100;
 * − 30 × (1 − on-time rate) and − 30 × (1 − fill rate) when any call-off was due;
 * − 10 per verification discrepancy (at most − 30);
 * − 20 per failed delivery, − 25 per refused inspection, − 15 per false declaration, + 5 per commendation;
 * clamped to 0–100 and rounded. A ≥ 90, B ≥ 75, C ≥ 60, else D.
 * With no history at all (no call-off due, no inspection, no event) there is nothing to grade: "unrated",
 * and the score stays at the 100 it starts from, which the screens do not show as a grade.
 */
export function creditScore(inputs: CreditInputs): CreditScore {
  const terms: CreditScore["terms"] = [];
  const onTimeRate = inputs.calloffsDue > 0 ? inputs.calloffsOnTime / inputs.calloffsDue : null;
  const fillRate = inputs.quantityRequested > 0 ? inputs.quantityDelivered / inputs.quantityRequested : null;
  if (onTimeRate !== null && onTimeRate < 1)
    terms.push({ term: "onTimeRate", points: -30 * (1 - onTimeRate) });
  if (fillRate !== null && fillRate < 1) terms.push({ term: "fillRate", points: -30 * (1 - fillRate) });
  if (inputs.discrepancies > 0) {
    terms.push({ term: "discrepancies", points: -Math.min(30, 10 * inputs.discrepancies) });
  }
  for (const [kind, count] of Object.entries(inputs.events) as Array<[CreditEventKind, number]>) {
    if (count > 0) terms.push({ term: kind, points: CREDIT_EVENT_POINTS[kind] * count });
  }
  const raw = 100 + terms.reduce((sum, t) => sum + t.points, 0);
  const score = Math.round(Math.min(100, Math.max(0, raw)));
  const history =
    inputs.calloffsDue + inputs.verifications + Object.values(inputs.events).reduce((sum, n) => sum + n, 0);
  const grade: CreditGrade =
    history === 0 ? "unrated" : score >= 90 ? "A" : score >= 75 ? "B" : score >= 60 ? "C" : "D";
  return {
    onTimeRate,
    fillRate,
    score,
    grade,
    terms: terms.map((t) => ({ ...t, points: Math.round(t.points * 10) / 10 })),
  };
}

export interface CreditRecord extends CreditInputs, CreditScore {
  enterpriseId: number;
  windowStart: string;
  /** Suspended, or grade D: flagged wherever the enterprise's reserves are counted. */
  flagged: boolean;
}

/** Credit inputs and grade of every enterprise, from call-offs, inspections and events of the last two years. */
export function creditRecords(db: DbOrTx, now: string): Map<number, CreditRecord> {
  const today = localDate(now);
  const windowStart = addDays(today, -CREDIT_WINDOW_DAYS);
  const inputs = new Map<number, CreditInputs>();
  const of = (id: number): CreditInputs => {
    let entry = inputs.get(id);
    if (!entry) {
      entry = {
        calloffsDue: 0,
        calloffsOnTime: 0,
        quantityRequested: 0,
        quantityDelivered: 0,
        verifications: 0,
        discrepancies: 0,
        events: { failed_delivery: 0, refused_inspection: 0, false_declaration: 0, commendation: 0 },
      };
      inputs.set(id, entry);
    }
    return entry;
  };

  const calloffs = db
    .select({
      enterpriseId: agreements.enterpriseId,
      quantity: agreementCalloffs.quantity,
      requiredBy: agreementCalloffs.requiredBy,
      deliveredQuantity: agreementCalloffs.deliveredQuantity,
      deliveredAt: agreementCalloffs.deliveredAt,
    })
    .from(agreementCalloffs)
    .innerJoin(agreementLines, eq(agreementLines.id, agreementCalloffs.lineId))
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .where(
      and(
        isNull(agreementCalloffs.cancelledAt),
        gte(agreementCalloffs.requiredBy, districtDayStart(windowStart)),
        or(isNotNull(agreementCalloffs.deliveredAt), lt(agreementCalloffs.requiredBy, now)),
      ),
    )
    .all();
  for (const c of calloffs) {
    const entry = of(c.enterpriseId);
    const delivered = Math.min(c.deliveredQuantity ?? 0, c.quantity);
    entry.calloffsDue += 1;
    entry.quantityRequested += c.quantity;
    entry.quantityDelivered += delivered;
    if (c.deliveredAt !== null && c.deliveredAt <= c.requiredBy && delivered >= c.quantity) {
      entry.calloffsOnTime += 1;
    }
  }

  // Each inspection against the latest declaration made on or before its date, for the same line.
  const inspections = db
    .select({
      enterpriseId: agreements.enterpriseId,
      verified: agreementVerifications.quantity,
      declared: sql<number | null>`(SELECT d.quantity FROM agreement_declarations d
        WHERE d.line_id = ${agreementVerifications.lineId} AND d.status = 'accepted'
          AND d.declared_on <= ${agreementVerifications.inspectedOn}
        ORDER BY d.declared_on DESC, d.id DESC LIMIT 1)`,
    })
    .from(agreementVerifications)
    .innerJoin(agreementLines, eq(agreementLines.id, agreementVerifications.lineId))
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .where(gte(agreementVerifications.inspectedOn, windowStart))
    .all();
  for (const v of inspections) {
    const entry = of(v.enterpriseId);
    entry.verifications += 1;
    if (v.declared !== null && v.verified < v.declared * DISCREPANCY_THRESHOLD) entry.discrepancies += 1;
  }

  const events = db
    .select({ enterpriseId: creditEvents.enterpriseId, kind: creditEvents.kind, n: count() })
    .from(creditEvents)
    .where(gte(creditEvents.occurredOn, windowStart))
    .groupBy(creditEvents.enterpriseId, creditEvents.kind)
    .all();
  for (const e of events) of(e.enterpriseId).events[e.kind] = e.n;

  const records = new Map<number, CreditRecord>();
  for (const e of db.select({ id: enterprises.id, status: enterprises.status }).from(enterprises).all()) {
    const entryInputs = of(e.id);
    const score = creditScore(entryInputs);
    records.set(e.id, {
      enterpriseId: e.id,
      windowStart,
      ...entryInputs,
      ...score,
      flagged: e.status === "suspended" || score.grade === "D",
    });
  }
  return records;
}

export function creditRecord(
  db: DbOrTx,
  enterpriseId: number,
  now: string,
  records: Map<number, CreditRecord> = creditRecords(db, now),
): CreditRecord {
  const record = records.get(enterpriseId);
  if (!record) throw new NotFoundError(msg("enterprises.error.notFound", { id: String(enterpriseId) }));
  return record;
}

export interface CreditEventView {
  id: number;
  enterpriseId: number;
  occurredOn: string;
  kind: CreditEventKind;
  note: string;
  recordedBy: string;
  recordedAt: string;
}

export function listCreditEvents(db: DbOrTx, enterpriseId: number): CreditEventView[] {
  return db
    .select({
      id: creditEvents.id,
      enterpriseId: creditEvents.enterpriseId,
      occurredOn: creditEvents.occurredOn,
      kind: creditEvents.kind,
      note: creditEvents.note,
      recordedBy: users.displayName,
      recordedAt: creditEvents.recordedAt,
    })
    .from(creditEvents)
    .innerJoin(users, eq(users.id, creditEvents.recordedBy))
    .where(eq(creditEvents.enterpriseId, enterpriseId))
    .orderBy(desc(creditEvents.occurredOn), desc(creditEvents.id))
    .all();
}

/** Notes an event on an enterprise's credit record: a failed delivery, a refused inspection… */
export function recordCreditEvent({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: RecordCreditEventInput;
}): CreditEventView {
  const actor = ctx.actor;
  if (!actor) throw new UnauthorizedError();
  const fields = RecordCreditEventInput.parse(input);
  const at = nowIso(ctx);
  assertDates(localDate(at), [
    {
      value: fields.occurredOn,
      window: DATE_WINDOWS.record,
      label: msg("enterprises.field.occurredOn"),
      field: "occurredOn",
    },
  ]);
  return withTransaction(ctx, (tx) => {
    if (
      !tx
        .select({ id: enterprises.id })
        .from(enterprises)
        .where(eq(enterprises.id, fields.enterpriseId))
        .get()
    ) {
      throw new NotFoundError(msg("enterprises.error.notFound", { id: String(fields.enterpriseId) }));
    }
    const row = tx
      .insert(creditEvents)
      .values({ ...fields, recordedBy: actor.userId, recordedAt: at })
      .returning({ id: creditEvents.id })
      .get();
    recordAudit(tx, ctx, {
      action: "enterprises.recordCreditEvent",
      targetType: "enterprise",
      targetIds: [fields.enterpriseId],
      summary: fields,
    });
    const view = listCreditEvents(tx, fields.enterpriseId).find((e) => e.id === row.id);
    if (!view) throw new NotFoundError(msg("enterprises.error.creditEventNotFound", { id: String(row.id) }));
    return view;
  });
}
