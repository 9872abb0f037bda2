import type { AgreementKind, DbOrTx, VehicleType } from "@relief/db";
import { msg } from "@relief/domain";
import { type SQL, sql } from "drizzle-orm";
import { NotFoundError } from "../errors";
import { type Page, pageWindow } from "../paging";
import { ListCalloffsInput, ListLineRecordsInput } from "./schemas";
import { type CalloffStatus, calloffStatus, calloffStatusSql } from "./status";

/** Declarations, verifications and call-offs: they accumulate for years, so each is read a page at a time. */

export interface DeclarationView {
  id: number;
  lineId: number;
  declaredOn: string;
  quantity: number;
  source: "entered" | "imported";
  note: string | null;
  recordedBy: string;
  recordedAt: string;
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
}

function whereOf(conditions: Array<SQL | false>): SQL {
  const kept = conditions.filter((c): c is SQL => c !== false);
  return kept.length > 0 ? sql`WHERE ${sql.join(kept, sql` AND `)}` : sql``;
}

/** Records of one agreement's lines or of one line: `r` is the record table, `l` its line. */
function lineRecordWhere(q: { agreementId?: number; lineId?: number }): SQL {
  return whereOf([
    q.agreementId !== undefined && sql`l.agreement_id = ${q.agreementId}`,
    q.lineId !== undefined && sql`r.line_id = ${q.lineId}`,
  ]);
}

/** One page of a line's records (`r`), newest first by `day`, then as recorded, with who recorded each. */
function pageLineRecords<T>(
  db: DbOrTx,
  input: ListLineRecordsInput,
  table: "agreement_declarations" | "agreement_verifications",
  columns: SQL,
  day: SQL,
): Page<T> {
  const q = ListLineRecordsInput.parse(input);
  const from = sql`FROM ${sql.raw(table)} r JOIN agreement_lines l ON l.id = r.line_id ${lineRecordWhere(q)}`;
  const { limit, offset } = pageWindow(q);
  return {
    total: db.get<{ n: number }>(sql`SELECT COUNT(*) AS n ${from}`)?.n ?? 0,
    rows: db.all<T>(sql`
      SELECT r.id, r.line_id AS lineId, ${columns},
             (SELECT display_name FROM users u WHERE u.id = r.recorded_by) AS recordedBy, r.recorded_at AS recordedAt
      ${from}
      ORDER BY ${day} DESC, r.id DESC LIMIT ${limit} OFFSET ${offset}`),
  };
}

/** Stock declarations, newest first (by date declared, then as recorded). */
export function listDeclarations(db: DbOrTx, input: ListLineRecordsInput): Page<DeclarationView> {
  return pageLineRecords(
    db,
    input,
    "agreement_declarations",
    sql`r.declared_on AS declaredOn, r.quantity, r.source, r.note`,
    sql`r.declared_on`,
  );
}

/** Inspections, newest first (by inspection date, then as recorded). */
export function listVerifications(db: DbOrTx, input: ListLineRecordsInput): Page<VerificationView> {
  return pageLineRecords(
    db,
    input,
    "agreement_verifications",
    sql`r.inspected_on AS inspectedOn, r.quantity, r.inspector, r.findings`,
    sql`r.inspected_on`,
  );
}

const CALLOFF_FROM = sql`
  FROM agreement_calloffs c
  JOIN agreement_lines l ON l.id = c.line_id
  JOIN agreements a ON a.id = l.agreement_id`;

/** Call-offs newest first, filtered by enterprise, agreement, line and status (derived from the clock in SQL). */
export function listCalloffs(db: DbOrTx, input: ListCalloffsInput, now: string): Page<CalloffView> {
  const q = ListCalloffsInput.parse(input);
  const where = whereOf([
    q.id !== undefined && sql`c.id = ${q.id}`,
    q.enterpriseId !== undefined && sql`a.enterprise_id = ${q.enterpriseId}`,
    q.agreementId !== undefined && sql`l.agreement_id = ${q.agreementId}`,
    q.lineId !== undefined && sql`c.line_id = ${q.lineId}`,
    q.status !== undefined && sql`${calloffStatusSql(now)} = ${q.status}`,
  ]);
  const { limit, offset } = pageWindow(q);
  const total = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n ${CALLOFF_FROM} ${where}`)?.n ?? 0;
  const rows = db.all<Omit<CalloffView, "status">>(sql`
    SELECT c.id, c.number, c.line_id AS lineId, a.id AS agreementId, a.number AS agreementNumber,
           a.enterprise_id AS enterpriseId, e.name AS enterpriseName, a.kind, i.name AS itemName,
           i.base_unit AS baseUnit, l.vehicle_type AS vehicleType, c.quantity, c.requested_at AS requestedAt,
           c.required_by AS requiredBy, c.delivered_quantity AS deliveredQuantity, c.delivered_at AS deliveredAt,
           c.confirmed_by AS confirmedBy, c.cancelled_at AS cancelledAt, c.dispatch_ref AS dispatchRef, c.note,
           u.display_name AS recordedBy
    ${CALLOFF_FROM}
    JOIN enterprises e ON e.id = a.enterprise_id
    LEFT JOIN items i ON i.id = l.item_id
    JOIN users u ON u.id = c.recorded_by
    ${where}
    ORDER BY c.requested_at DESC, c.id DESC LIMIT ${limit} OFFSET ${offset}`);
  return { total, rows: rows.map((c) => ({ ...c, status: calloffStatus(c, now) })) };
}

export function getCalloff(db: DbOrTx, id: number, now: string): CalloffView {
  const [view] = listCalloffs(db, { id, pageSize: 1 }, now).rows;
  if (!view) throw new NotFoundError(msg("agreements.error.calloffNotFound", { id: String(id) }));
  return view;
}
