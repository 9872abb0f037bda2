import type { AgreementKind, DbOrTx, EnterpriseStatus, VehicleType } from "@relief/db";
import { sql } from "drizzle-orm";
import { type CreditGrade, type CreditRecord, creditRecords } from "../enterprises/credit";
import { NotFoundError } from "../errors";
import { daysBetween, localDate } from "../time";
import type { ListAgreementsInput, ListCalloffsInput } from "./schemas";
import {
  type AgreementStatus,
  agreementStatus,
  type CalloffStatus,
  calloffStatus,
  isInForce,
  type LineFlag,
  stockLineFlags,
} from "./status";

export interface AgreementLineView {
  id: number;
  lineNo: number;
  itemId: number | null;
  itemCode: string | null;
  itemName: string | null;
  categoryId: number | null;
  baseUnit: string | null;
  vehicleType: VehicleType | null;
  quantity: number;
  responseHours: number;
  warehouseId: number | null;
  warehouseName: string | null;
  unitPriceFen: number | null;
  reserveFundFen: number | null;
  rotationDuty: string;
  latestDeclaration: { declaredOn: string; quantity: number } | null;
  latestVerification: { inspectedOn: string; quantity: number; inspector: string } | null;
  /** Stock lines only: what the line's figures need checked. */
  flags: LineFlag[];
  /** Quantity of open call-offs (requested, not yet delivered or cancelled). */
  openCalloffQuantity: number;
}

export interface AgreementView {
  id: number;
  number: string;
  enterpriseId: number;
  enterpriseName: string;
  enterpriseStatus: EnterpriseStatus;
  enterpriseGrade: CreditGrade;
  /** Suspended or grade D: its reserves are counted with a warning. */
  enterpriseFlagged: boolean;
  kind: AgreementKind;
  startDate: string;
  endDate: string;
  signedOn: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  note: string | null;
  status: AgreementStatus;
  /** Days from today to the end date (negative once expired). */
  daysToEnd: number;
  /** In force today: its stock counts toward coverage. */
  inForce: boolean;
  lines: AgreementLineView[];
  createdAt: string;
  updatedAt: string;
}

interface AgreementRow {
  id: number;
  number: string;
  enterpriseId: number;
  enterpriseName: string;
  enterpriseStatus: EnterpriseStatus;
  kind: AgreementKind;
  startDate: string;
  endDate: string;
  signedOn: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

interface LineRow extends Omit<AgreementLineView, "latestDeclaration" | "latestVerification" | "flags"> {
  agreementId: number;
  declaredOn: string | null;
  declaredQuantity: number | null;
  inspectedOn: string | null;
  verifiedQuantity: number | null;
  inspector: string | null;
}

/** Lines of every agreement, or of one enterprise's (by subquery: no list of ids however many it has). */
function lineRows(db: DbOrTx, enterpriseId: number | undefined): LineRow[] {
  const filter =
    enterpriseId === undefined
      ? sql`1`
      : sql`l.agreement_id IN (SELECT id FROM agreements WHERE enterprise_id = ${enterpriseId})`;
  return db.all<LineRow>(sql`
    SELECT l.id, l.agreement_id AS agreementId, l.line_no AS lineNo, l.item_id AS itemId, i.code AS itemCode,
           i.name AS itemName, i.category_id AS categoryId, i.base_unit AS baseUnit,
           l.vehicle_type AS vehicleType, l.quantity, l.response_hours AS responseHours,
           l.warehouse_id AS warehouseId, w.name AS warehouseName, l.unit_price_fen AS unitPriceFen,
           l.reserve_fund_fen AS reserveFundFen, l.rotation_duty AS rotationDuty,
           d.declared_on AS declaredOn, d.quantity AS declaredQuantity,
           v.inspected_on AS inspectedOn, v.quantity AS verifiedQuantity, v.inspector,
           COALESCE((SELECT SUM(c.quantity) FROM agreement_calloffs c
                      WHERE c.line_id = l.id AND c.delivered_at IS NULL AND c.cancelled_at IS NULL), 0)
             AS openCalloffQuantity
    FROM agreement_lines l
    LEFT JOIN items i ON i.id = l.item_id
    LEFT JOIN warehouses w ON w.id = l.warehouse_id
    LEFT JOIN agreement_declarations d ON d.id = (
      SELECT id FROM agreement_declarations WHERE line_id = l.id ORDER BY declared_on DESC, id DESC LIMIT 1)
    LEFT JOIN agreement_verifications v ON v.id = (
      SELECT id FROM agreement_verifications WHERE line_id = l.id ORDER BY inspected_on DESC, id DESC LIMIT 1)
    WHERE ${filter}
    ORDER BY l.agreement_id, l.line_no`);
}

function toLineView(row: LineRow, kind: AgreementKind, today: string): AgreementLineView {
  const {
    agreementId: _,
    declaredOn,
    declaredQuantity,
    inspectedOn,
    verifiedQuantity,
    inspector,
    ...line
  } = row;
  const latestDeclaration =
    declaredOn !== null && declaredQuantity !== null ? { declaredOn, quantity: declaredQuantity } : null;
  const latestVerification =
    inspectedOn !== null && verifiedQuantity !== null
      ? { inspectedOn, quantity: verifiedQuantity, inspector: inspector ?? "" }
      : null;
  return {
    ...line,
    latestDeclaration,
    latestVerification,
    flags:
      kind === "stock"
        ? stockLineFlags(
            { quantity: row.quantity, declaration: latestDeclaration, verification: latestVerification },
            today,
          )
        : [],
  };
}

/** Agreements with their lines, latest declared and verified figures, status as of today and the enterprise's grade. */
export function listAgreements(
  db: DbOrTx,
  input: ListAgreementsInput = {},
  now: string,
  /** The enterprises' credit records, when the caller has them already. */
  credit: Map<number, CreditRecord> = creditRecords(db, now),
): AgreementView[] {
  const today = localDate(now);
  const filter = input ?? {};
  const conditions = [
    filter.enterpriseId !== undefined && sql`a.enterprise_id = ${filter.enterpriseId}`,
    filter.kind !== undefined && sql`a.kind = ${filter.kind}`,
    filter.itemId !== undefined &&
      sql`EXISTS (SELECT 1 FROM agreement_lines x WHERE x.agreement_id = a.id AND x.item_id = ${filter.itemId})`,
  ].filter((c) => c !== false);
  const rows = db.all<AgreementRow>(sql`
    SELECT a.id, a.number, a.enterprise_id AS enterpriseId, e.name AS enterpriseName, e.status AS enterpriseStatus,
           a.kind, a.start_date AS startDate, a.end_date AS endDate, a.signed_on AS signedOn,
           a.terminated_on AS terminatedOn, a.termination_reason AS terminationReason, a.note,
           a.created_at AS createdAt, a.updated_at AS updatedAt
    FROM agreements a JOIN enterprises e ON e.id = a.enterprise_id
    ${conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``}
    ORDER BY a.end_date, a.number`);
  const lines = new Map<number, LineRow[]>();
  for (const line of lineRows(db, filter.enterpriseId)) {
    const of = lines.get(line.agreementId);
    if (of) of.push(line);
    else lines.set(line.agreementId, [line]);
  }
  return rows
    .map((row): AgreementView => {
      const status = agreementStatus(row, today);
      const record = credit.get(row.enterpriseId);
      return {
        ...row,
        enterpriseGrade: record?.grade ?? "A",
        enterpriseFlagged: record?.flagged ?? false,
        status,
        daysToEnd: daysBetween(today, row.endDate),
        inForce: isInForce(status),
        lines: (lines.get(row.id) ?? []).map((l) => toLineView(l, row.kind, today)),
      };
    })
    .filter((a) => filter.status === undefined || a.status === filter.status);
}

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

export interface AgreementDetail extends AgreementView {
  declarations: DeclarationView[];
  verifications: VerificationView[];
  calloffs: CalloffView[];
}

export function listCalloffs(db: DbOrTx, input: ListCalloffsInput = {}, now: string): CalloffView[] {
  const filter = input ?? {};
  const conditions = [
    filter.id !== undefined && sql`c.id = ${filter.id}`,
    filter.enterpriseId !== undefined && sql`a.enterprise_id = ${filter.enterpriseId}`,
    filter.agreementId !== undefined && sql`a.id = ${filter.agreementId}`,
    filter.lineId !== undefined && sql`c.line_id = ${filter.lineId}`,
  ].filter((c) => c !== false);
  return db
    .all<Omit<CalloffView, "status">>(sql`
      SELECT c.id, c.number, c.line_id AS lineId, a.id AS agreementId, a.number AS agreementNumber,
             a.enterprise_id AS enterpriseId, e.name AS enterpriseName, a.kind, i.name AS itemName,
             i.base_unit AS baseUnit, l.vehicle_type AS vehicleType, c.quantity, c.requested_at AS requestedAt,
             c.required_by AS requiredBy, c.delivered_quantity AS deliveredQuantity, c.delivered_at AS deliveredAt,
             c.confirmed_by AS confirmedBy, c.cancelled_at AS cancelledAt, c.dispatch_ref AS dispatchRef, c.note,
             u.display_name AS recordedBy
      FROM agreement_calloffs c
      JOIN agreement_lines l ON l.id = c.line_id
      JOIN agreements a ON a.id = l.agreement_id
      JOIN enterprises e ON e.id = a.enterprise_id
      LEFT JOIN items i ON i.id = l.item_id
      JOIN users u ON u.id = c.recorded_by
      ${conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``}
      ORDER BY c.requested_at DESC, c.id DESC`)
    .map((c) => ({ ...c, status: calloffStatus(c, now) }));
}

/** One agreement with every declaration, verification and call-off of its lines, newest first. */
export function getAgreement(db: DbOrTx, id: number, now: string): AgreementDetail {
  const agreement = listAgreementsById(db, id, now);
  const declarations = db.all<DeclarationView>(sql`
    SELECT d.id, d.line_id AS lineId, d.declared_on AS declaredOn, d.quantity, d.source, d.note,
           u.display_name AS recordedBy, d.recorded_at AS recordedAt
    FROM agreement_declarations d JOIN agreement_lines l ON l.id = d.line_id JOIN users u ON u.id = d.recorded_by
    WHERE l.agreement_id = ${id} ORDER BY d.declared_on DESC, d.id DESC`);
  const verifications = db.all<VerificationView>(sql`
    SELECT v.id, v.line_id AS lineId, v.inspected_on AS inspectedOn, v.quantity, v.inspector, v.findings,
           u.display_name AS recordedBy, v.recorded_at AS recordedAt
    FROM agreement_verifications v JOIN agreement_lines l ON l.id = v.line_id JOIN users u ON u.id = v.recorded_by
    WHERE l.agreement_id = ${id} ORDER BY v.inspected_on DESC, v.id DESC`);
  return { ...agreement, declarations, verifications, calloffs: listCalloffs(db, { agreementId: id }, now) };
}

function listAgreementsById(db: DbOrTx, id: number, now: string): AgreementView {
  const owner = db.get<{ enterpriseId: number }>(
    sql`SELECT enterprise_id AS enterpriseId FROM agreements WHERE id = ${id}`,
  );
  const agreement =
    owner && listAgreements(db, { enterpriseId: owner.enterpriseId }, now).find((a) => a.id === id);
  if (!agreement) throw new NotFoundError(`协议 #${id} 不存在`);
  return agreement;
}
