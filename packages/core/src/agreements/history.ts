import {
  type AgreementKind,
  agreementCalloffs,
  agreementDeclarations,
  agreementLines,
  agreements,
  agreementVerifications,
  type DbOrTx,
  enterprises,
  items,
  users,
  type VehicleType,
  warehouses,
} from "@relief/db";
import { type DeclarationStatus, msg } from "@relief/domain";
import { and, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { NotFoundError } from "../errors";
import { type Page, pageWindow } from "../paging";
import { ListCalloffsInput, ListDeclarationsInput, ListLineRecordsInput } from "./schemas";
import { type CalloffStatus, calloffStatus, calloffStatusSql } from "./status";

/** Declarations, verifications and call-offs: they accumulate for years, so each is read a page at a time. */

export interface DeclarationView {
  id: number;
  lineId: number;
  agreementId: number;
  agreementNumber: string;
  /** The agreement's enterprise: the bureau reviews many enterprises' submissions in one queue. */
  enterpriseId: number;
  enterpriseName: string;
  lineNo: number;
  itemName: string | null;
  baseUnit: string | null;
  declaredOn: string;
  quantity: number;
  source: "entered" | "imported";
  note: string | null;
  lotCode: string | null;
  productionDate: string | null;
  expiryDate: string | null;
  warehouseId: number | null;
  warehouseName: string | null;
  /** Who submitted it (the bureau's clerk, or the enterprise's own user) and when. */
  recordedBy: string;
  recordedAt: string;
  status: DeclarationStatus;
  reviewedAt: string | null;
  returnReason: string | null;
}

export interface VerificationView {
  id: number;
  lineId: number;
  inspectedOn: string;
  quantity: number;
  inspector: string;
  findings: string;
  recordedBy: string;
  recordedAt: string;
}

export interface CalloffView {
  id: number;
  number: string;
  lineId: number;
  agreementId: number;
  agreementNumber: string;
  enterpriseId: number;
  enterpriseName: string;
  kind: AgreementKind;
  itemName: string | null;
  baseUnit: string | null;
  vehicleType: VehicleType | null;
  quantity: number;
  requestedAt: string;
  requiredBy: string;
  deliveredQuantity: number | null;
  deliveredAt: string | null;
  confirmedBy: string | null;
  cancelledAt: string | null;
  dispatchRef: string | null;
  note: string | null;
  recordedBy: string;
  status: CalloffStatus;
  /** The enterprise's answer from its portal, which dispatch and the bureau see as soon as it is given. */
  answer: CalloffAnswer | null;
}

/**
 * 企业回复: the enterprise acknowledged the call-off with an estimated departure, or reported that it cannot
 * deliver in full, why, and how much it can (base units; 0 for nothing).
 */
export type CalloffAnswer =
  | { kind: "acknowledged"; at: string; estimatedDeparture: string }
  | { kind: "cannotDeliver"; at: string; reason: string; canDeliverQuantity: number };

/**
 * The answer columns of a call-off as one value (the call-off's CHECK keeps them consistent); null for none,
 * or for no call-off at all (an outer join's row, which drizzle gives as null).
 */
export function calloffAnswer(
  row: {
    acknowledgedAt: string | null;
    estimatedDeparture: string | null;
    cannotDeliverAt: string | null;
    cannotDeliverReason: string | null;
    canDeliverQuantity: number | null;
  } | null,
): CalloffAnswer | null {
  if (row === null) return null;
  if (row.cannotDeliverAt !== null)
    return {
      kind: "cannotDeliver",
      at: row.cannotDeliverAt,
      reason: row.cannotDeliverReason ?? "",
      canDeliverQuantity: row.canDeliverQuantity ?? 0,
    };
  if (row.acknowledgedAt !== null && row.estimatedDeparture !== null)
    return { kind: "acknowledged", at: row.acknowledgedAt, estimatedDeparture: row.estimatedDeparture };
  return null;
}

type AnswerColumn =
  | "acknowledgedAt"
  | "estimatedDeparture"
  | "cannotDeliverAt"
  | "cannotDeliverReason"
  | "canDeliverQuantity";

/** The answer columns, to select beside a call-off (or an alias of the table) for `calloffAnswer`. */
export function calloffAnswerColumns<T extends Record<AnswerColumn, SQLiteColumn>>(
  table: T,
): Pick<T, AnswerColumn> {
  return {
    acknowledgedAt: table.acknowledgedAt,
    estimatedDeparture: table.estimatedDeparture,
    cannotDeliverAt: table.cannotDeliverAt,
    cannotDeliverReason: table.cannotDeliverReason,
    canDeliverQuantity: table.canDeliverQuantity,
  };
}

/** Records of one agreement's lines or of one line. */
function lineRecordWhere(
  table: typeof agreementDeclarations | typeof agreementVerifications,
  q: { agreementId?: number; lineId?: number },
): SQL | undefined {
  return and(
    q.agreementId !== undefined ? eq(agreementLines.agreementId, q.agreementId) : undefined,
    q.lineId !== undefined ? eq(table.lineId, q.lineId) : undefined,
  );
}

/** Stock declarations, newest first (by date declared, then as recorded), of one agreement, line or enterprise. */
export function listDeclarations(db: DbOrTx, input: ListDeclarationsInput): Page<DeclarationView> {
  const q = ListDeclarationsInput.parse(input);
  const d = agreementDeclarations;
  const where = and(
    q.id !== undefined ? eq(d.id, q.id) : undefined,
    lineRecordWhere(d, q),
    q.enterpriseId !== undefined ? eq(agreements.enterpriseId, q.enterpriseId) : undefined,
    q.status !== undefined ? eq(d.status, q.status) : undefined,
  );
  const { limit, offset } = pageWindow(q);
  return {
    total:
      db
        .select({ n: count() })
        .from(d)
        .innerJoin(agreementLines, eq(agreementLines.id, d.lineId))
        .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
        .where(where)
        .get()?.n ?? 0,
    rows: db
      .select({
        id: d.id,
        lineId: d.lineId,
        agreementId: agreements.id,
        agreementNumber: agreements.number,
        enterpriseId: agreements.enterpriseId,
        enterpriseName: enterprises.name,
        lineNo: agreementLines.lineNo,
        itemName: items.name,
        baseUnit: items.baseUnit,
        declaredOn: d.declaredOn,
        quantity: d.quantity,
        source: d.source,
        note: d.note,
        lotCode: d.lotCode,
        productionDate: d.productionDate,
        expiryDate: d.expiryDate,
        warehouseId: d.warehouseId,
        warehouseName: warehouses.name,
        recordedBy: users.displayName,
        recordedAt: d.recordedAt,
        status: d.status,
        reviewedAt: d.reviewedAt,
        returnReason: d.returnReason,
      })
      .from(d)
      .innerJoin(agreementLines, eq(agreementLines.id, d.lineId))
      .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
      .innerJoin(enterprises, eq(enterprises.id, agreements.enterpriseId))
      .leftJoin(items, eq(items.id, agreementLines.itemId))
      .leftJoin(warehouses, eq(warehouses.id, d.warehouseId))
      .innerJoin(users, eq(users.id, d.recordedBy))
      .where(where)
      .orderBy(desc(d.declaredOn), desc(d.id))
      .limit(limit)
      .offset(offset)
      .all(),
  };
}

export function getDeclaration(db: DbOrTx, id: number): DeclarationView {
  const [view] = listDeclarations(db, { id, pageSize: 1 }).rows;
  if (!view) throw new NotFoundError(msg("declarations.error.notFound", { id: String(id) }));
  return view;
}

/** Inspections, newest first (by inspection date, then as recorded). */
export function listVerifications(db: DbOrTx, input: ListLineRecordsInput): Page<VerificationView> {
  const q = ListLineRecordsInput.parse(input);
  const v = agreementVerifications;
  const where = lineRecordWhere(v, q);
  const { limit, offset } = pageWindow(q);
  return {
    total:
      db
        .select({ n: count() })
        .from(v)
        .innerJoin(agreementLines, eq(agreementLines.id, v.lineId))
        .where(where)
        .get()?.n ?? 0,
    rows: db
      .select({
        id: v.id,
        lineId: v.lineId,
        inspectedOn: v.inspectedOn,
        quantity: v.quantity,
        inspector: v.inspector,
        findings: v.findings,
        recordedBy: users.displayName,
        recordedAt: v.recordedAt,
      })
      .from(v)
      .innerJoin(agreementLines, eq(agreementLines.id, v.lineId))
      .innerJoin(users, eq(users.id, v.recordedBy))
      .where(where)
      .orderBy(desc(v.inspectedOn), desc(v.id))
      .limit(limit)
      .offset(offset)
      .all(),
  };
}

// The status expression names the call-off `c`.
const c = alias(agreementCalloffs, "c");

/** Call-offs newest first, filtered by enterprise, agreement, line and status (derived from the clock in SQL). */
export function listCalloffs(db: DbOrTx, input: ListCalloffsInput, now: string): Page<CalloffView> {
  const q = ListCalloffsInput.parse(input);
  const where = and(
    q.id !== undefined ? eq(c.id, q.id) : undefined,
    q.enterpriseId !== undefined ? eq(agreements.enterpriseId, q.enterpriseId) : undefined,
    q.agreementId !== undefined ? eq(agreementLines.agreementId, q.agreementId) : undefined,
    q.lineId !== undefined ? eq(c.lineId, q.lineId) : undefined,
    q.status !== undefined ? sql`${calloffStatusSql(now)} = ${q.status}` : undefined,
  );
  const { limit, offset } = pageWindow(q);
  const total =
    db
      .select({ n: count() })
      .from(c)
      .innerJoin(agreementLines, eq(agreementLines.id, c.lineId))
      .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
      .where(where)
      .get()?.n ?? 0;
  const rows = db
    .select({
      id: c.id,
      number: c.number,
      lineId: c.lineId,
      agreementId: agreements.id,
      agreementNumber: agreements.number,
      enterpriseId: agreements.enterpriseId,
      enterpriseName: enterprises.name,
      kind: agreements.kind,
      itemName: items.name,
      baseUnit: items.baseUnit,
      vehicleType: agreementLines.vehicleType,
      quantity: c.quantity,
      requestedAt: c.requestedAt,
      requiredBy: c.requiredBy,
      deliveredQuantity: c.deliveredQuantity,
      deliveredAt: c.deliveredAt,
      confirmedBy: c.confirmedBy,
      cancelledAt: c.cancelledAt,
      dispatchRef: c.dispatchRef,
      note: c.note,
      recordedBy: users.displayName,
      ...calloffAnswerColumns(c),
    })
    .from(c)
    .innerJoin(agreementLines, eq(agreementLines.id, c.lineId))
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .innerJoin(enterprises, eq(enterprises.id, agreements.enterpriseId))
    .leftJoin(items, eq(items.id, agreementLines.itemId))
    .innerJoin(users, eq(users.id, c.recordedBy))
    .where(where)
    .orderBy(desc(c.requestedAt), desc(c.id))
    .limit(limit)
    .offset(offset)
    .all();
  return {
    total,
    rows: rows.map(
      ({
        acknowledgedAt,
        estimatedDeparture,
        cannotDeliverAt,
        cannotDeliverReason,
        canDeliverQuantity,
        ...row
      }) => ({
        ...row,
        status: calloffStatus(row, now),
        answer: calloffAnswer({
          acknowledgedAt,
          estimatedDeparture,
          cannotDeliverAt,
          cannotDeliverReason,
          canDeliverQuantity,
        }),
      }),
    ),
  };
}

export function getCalloff(db: DbOrTx, id: number, now: string): CalloffView {
  const [view] = listCalloffs(db, { id, pageSize: 1 }, now).rows;
  if (!view) throw new NotFoundError(msg("agreements.error.calloffNotFound", { id: String(id) }));
  return view;
}
