import {
  type AgreementKind,
  agreementLines,
  agreements,
  type DbOrTx,
  type EnterpriseStatus,
  enterprises,
  type VehicleType,
} from "@relief/db";
import { msg } from "@relief/domain";
import { and, count, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { type CreditGrade, type CreditRecord, creditRecords } from "../enterprises/credit";
import { NotFoundError } from "../errors";
import { type Page, pageWindow, sortTerms } from "../paging";
import { containsText } from "../search";
import { daysBetween, localDate } from "../time";
import {
  type AgreementFilter,
  AgreementRemindersInput,
  type AgreementSort,
  ListAgreementsInput,
} from "./schemas";
import {
  type AgreementStatus,
  agreementStatus,
  agreementStatusSql,
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
  /** The latest declaration the bureau accepted (submitted and returned ones never count). */
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
  /** 申报周期 in months (1–12): how often the enterprise declares its stock on hand. */
  declarationMonths: number;
  status: AgreementStatus;
  /** Days from today to the end date (negative once expired). */
  daysToEnd: number;
  /** In force today: its stock counts toward coverage. */
  inForce: boolean;
  lines: AgreementLineView[];
  createdAt: string;
  updatedAt: string;
}

// The status expression and the filters name the agreement row `a` and its enterprise `e`.
const a = alias(agreements, "a");
const e = alias(enterprises, "e");

const AGREEMENT_FIELDS = {
  id: a.id,
  number: a.number,
  enterpriseId: a.enterpriseId,
  enterpriseName: e.name,
  enterpriseStatus: e.status,
  kind: a.kind,
  startDate: a.startDate,
  endDate: a.endDate,
  signedOn: a.signedOn,
  terminatedOn: a.terminatedOn,
  terminationReason: a.terminationReason,
  note: a.note,
  declarationMonths: a.declarationMonths,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
};

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
  /** 申报周期: how many months apart the enterprise declares its stock on hand (stock agreements). */
  declarationMonths: number;
  createdAt: string;
  updatedAt: string;
}

/** Agreements joined with their enterprise, the columns of `AgreementRow`. */
function agreementRows(db: DbOrTx) {
  return db.select(AGREEMENT_FIELDS).from(a).innerJoin(e, eq(e.id, a.enterpriseId)).$dynamic();
}

interface LineRow extends Omit<AgreementLineView, "latestDeclaration" | "latestVerification" | "flags"> {
  agreementId: number;
  declaredOn: string | null;
  declaredQuantity: number | null;
  inspectedOn: string | null;
  verifiedQuantity: number | null;
  inspector: string | null;
}

/** Lines of the agreements `agreementIds` selects (a subquery or a page's bounded list), in line order. */
function lineRows(db: DbOrTx, agreementIds: SQL): LineRow[] {
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
      SELECT id FROM agreement_declarations WHERE line_id = l.id AND status = 'accepted'
      ORDER BY declared_on DESC, id DESC LIMIT 1)
    LEFT JOIN agreement_verifications v ON v.id = (
      SELECT id FROM agreement_verifications WHERE line_id = l.id ORDER BY inspected_on DESC, id DESC LIMIT 1)
    WHERE l.agreement_id IN ${agreementIds}
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

/** The condition of a filter over `agreements a JOIN enterprises e`, status derived from the dates in SQL. */
function filterWhere(filter: AgreementFilter, today: string): SQL | undefined {
  return and(
    filter.enterpriseId !== undefined ? eq(a.enterpriseId, filter.enterpriseId) : undefined,
    filter.kind !== undefined ? eq(a.kind, filter.kind) : undefined,
    filter.status !== undefined ? sql`${agreementStatusSql(today)} = ${filter.status}` : undefined,
    filter.itemId !== undefined
      ? sql`EXISTS (SELECT 1 FROM ${agreementLines} x WHERE x.agreement_id = ${a.id} AND x.item_id = ${filter.itemId})`
      : undefined,
    filter.search
      ? sql`(${containsText(a.number, filter.search)} OR ${containsText(e.name, filter.search)})`
      : undefined,
  );
}

/** Rows with their lines, status as of today and the enterprise's grade. */
function toViews(
  rows: AgreementRow[],
  lineRowsOf: LineRow[],
  today: string,
  credit: Map<number, CreditRecord>,
): AgreementView[] {
  const lines = new Map<number, LineRow[]>();
  for (const line of lineRowsOf) {
    const of = lines.get(line.agreementId);
    if (of) of.push(line);
    else lines.set(line.agreementId, [line]);
  }
  return rows.map((row): AgreementView => {
    const status = agreementStatus(row, today);
    const record = credit.get(row.enterpriseId);
    return {
      ...row,
      enterpriseGrade: record?.grade ?? "unrated",
      enterpriseFlagged: record?.flagged ?? false,
      status,
      daysToEnd: daysBetween(today, row.endDate),
      inForce: isInForce(status),
      lines: (lines.get(row.id) ?? []).map((l) => toLineView(l, row.kind, today)),
    };
  });
}

/**
 * Every agreement the filter selects, with its lines: for the server's own whole-register reads (coverage
 * inputs, spreadsheet exports, one enterprise's agreements). Pages use `listAgreements`.
 */
export function agreementViews(
  db: DbOrTx,
  filter: AgreementFilter,
  now: string,
  /** The enterprises' credit records, when the caller has them already. */
  credit: Map<number, CreditRecord> = creditRecords(db, now),
): AgreementView[] {
  const today = localDate(now);
  const where = filterWhere(filter, today);
  const rows = agreementRows(db).where(where).orderBy(a.endDate, a.number).all();
  const ids = db.select({ id: a.id }).from(a).innerJoin(e, eq(e.id, a.enterpriseId)).where(where);
  // Drizzle writes the subquery in its own parentheses.
  return toViews(rows, lineRows(db, sql`${ids}`), today, credit);
}

const SORT_COLUMNS: Record<AgreementSort, (direction: SQL) => SQL> = {
  endDate: (d) => sql`a.end_date ${d}, a.number ${d}`,
  startDate: (d) => sql`a.start_date ${d}, a.number ${d}`,
  number: (d) => sql`a.number ${d}`,
  enterprise: (d) => sql`e.name ${d}, a.end_date ${d}`,
};

/** One page of agreements, filtered, counted and sorted by the database; lines only for the page's rows. */
export function listAgreements(db: DbOrTx, input: ListAgreementsInput, now: string): Page<AgreementView> {
  const q = ListAgreementsInput.parse(input);
  const today = localDate(now);
  const where = filterWhere(q, today);
  const total =
    db.select({ n: count() }).from(a).innerJoin(e, eq(e.id, a.enterpriseId)).where(where).get()?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  const rows = agreementRows(db)
    .where(where)
    .orderBy(sortTerms(SORT_COLUMNS, q.sort, q.order, a.id))
    .limit(limit)
    .offset(offset)
    .all();
  // At most a page of ids, handed over as one JSON parameter.
  const ids = sql`(SELECT value FROM json_each(${JSON.stringify(rows.map((r) => r.id))}))`;
  const credit = creditRecords(db, now);
  return { total, rows: rows.length > 0 ? toViews(rows, lineRows(db, ids), today, credit) : [] };
}

export interface AgreementReminder {
  id: number;
  number: string;
  enterpriseId: number;
  enterpriseName: string;
  kind: AgreementKind;
  endDate: string;
  daysToEnd: number;
}

export interface AgreementReminders {
  /** Agreements ending within 30 days (即将到期). */
  expiring: number;
  /** Agreements past their end date, not terminated (已到期). */
  expired: number;
  /** The expiring ones ending soonest, at most `limit`. */
  first: AgreementReminder[];
}

/** What the expiry reminders show: two counts and the first few agreements to end, never the register. */
export function agreementReminders(
  db: DbOrTx,
  input: AgreementRemindersInput,
  now: string,
): AgreementReminders {
  const { limit } = AgreementRemindersInput.parse(input);
  const today = localDate(now);
  const status = agreementStatusSql(today);
  const counts = db
    .select({
      expiring: sql<number>`COALESCE(SUM(${status} = 'expiring'), 0)`,
      expired: sql<number>`COALESCE(SUM(${status} = 'expired'), 0)`,
    })
    .from(a)
    .get();
  const first = db
    .select({
      id: a.id,
      number: a.number,
      enterpriseId: a.enterpriseId,
      enterpriseName: e.name,
      kind: a.kind,
      endDate: a.endDate,
    })
    .from(a)
    .innerJoin(e, eq(e.id, a.enterpriseId))
    .where(sql`${status} = 'expiring'`)
    .orderBy(a.endDate, a.number)
    .limit(limit)
    .all();
  return {
    expiring: counts?.expiring ?? 0,
    expired: counts?.expired ?? 0,
    first: first.map((a) => ({ ...a, daysToEnd: daysBetween(today, a.endDate) })),
  };
}

/** One agreement with its lines and their latest figures; its declarations, verifications and call-offs are paged apart. */
export function getAgreement(db: DbOrTx, id: number, now: string): AgreementView {
  const today = localDate(now);
  const row = agreementRows(db).where(eq(a.id, id)).get();
  const missing = () => new NotFoundError(msg("agreements.error.notFound", { id: String(id) }));
  if (!row) throw missing();
  const [view] = toViews([row], lineRows(db, sql`(${id})`), today, creditRecords(db, now));
  if (!view) throw missing();
  return view;
}
