import {
  agreements,
  areas,
  type DbOrTx,
  type EnterpriseKind,
  type EnterpriseStatus,
  enterpriseContacts,
  enterprises,
} from "@relief/db";
import { msg } from "@relief/domain";
import { and, asc, count, desc, eq, getTableColumns, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { type AgreementView, agreementViews } from "../agreements/list";
import { agreementStatusSql } from "../agreements/status";
import { NotFoundError } from "../errors";
import { type Page, pageWindow } from "../paging";
import { containsText } from "../search";
import { localDate } from "../time";
import { listWarehouses, type WarehouseView } from "../warehouses/list";
import {
  type CreditEventView,
  type CreditGrade,
  type CreditRecord,
  creditRecord,
  creditRecords,
  listCreditEvents,
} from "./credit";
import { EnterpriseOptionsInput, ListEnterprisesInput } from "./schemas";

export interface EnterpriseView {
  id: number;
  name: string;
  creditCode: string;
  kind: EnterpriseKind;
  keySupplier: boolean;
  address: string;
  areaId: number | null;
  lat: number | null;
  lon: number | null;
  status: EnterpriseStatus;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  contacts: Array<{ name: string; role: string; mobile: string }>;
}

export function getEnterprise(db: DbOrTx, id: number): EnterpriseView {
  const enterprise = db.select().from(enterprises).where(eq(enterprises.id, id)).get();
  if (!enterprise) throw new NotFoundError(msg("enterprises.error.notFound", { id: String(id) }));
  const contacts = db
    .select({
      name: enterpriseContacts.name,
      role: enterpriseContacts.role,
      mobile: enterpriseContacts.mobile,
    })
    .from(enterpriseContacts)
    .where(eq(enterpriseContacts.enterpriseId, id))
    .orderBy(asc(enterpriseContacts.id))
    .all();
  return { ...enterprise, contacts };
}

export interface EnterpriseSummary extends EnterpriseView {
  /** The township the enterprise is registered in, by name. */
  areaName: string | null;
  grade: CreditGrade;
  score: number;
  /** Suspended or grade D. */
  flagged: boolean;
  agreementsInForce: number;
  agreementsExpiring: number;
}

const a = alias(agreements, "a");

type EnterpriseRow = typeof enterprises.$inferSelect & { areaName: string | null };

/** Contacts, agreement counts and credit grade of the enterprises `ids` selects (a subquery or a bounded list). */
function summaries(db: DbOrTx, rows: EnterpriseRow[], ids: SQL, now: string): EnterpriseSummary[] {
  const credit = creditRecords(db, now);
  const contacts = db
    .select({
      enterpriseId: enterpriseContacts.enterpriseId,
      name: enterpriseContacts.name,
      role: enterpriseContacts.role,
      mobile: enterpriseContacts.mobile,
    })
    .from(enterpriseContacts)
    .where(sql`${enterpriseContacts.enterpriseId} IN ${ids}`)
    .orderBy(asc(enterpriseContacts.id))
    .all();
  // The status expression names the agreement row `a`.
  const status = agreementStatusSql(localDate(now));
  const counts = new Map(
    db
      .select({
        enterpriseId: a.enterpriseId,
        inForce: sql<number>`SUM(${status} IN ('active', 'expiring'))`,
        expiring: sql<number>`SUM(${status} = 'expiring')`,
      })
      .from(a)
      .where(sql`${a.enterpriseId} IN ${ids}`)
      .groupBy(a.enterpriseId)
      .all()
      .map((c) => [c.enterpriseId, c] as const),
  );
  return rows.map((e) => {
    const record = credit.get(e.id);
    const count = counts.get(e.id);
    return {
      ...e,
      contacts: contacts
        .filter((c) => c.enterpriseId === e.id)
        .map((c) => ({ name: c.name, role: c.role, mobile: c.mobile })),
      grade: record?.grade ?? "unrated",
      score: record?.score ?? 100,
      flagged: record?.flagged ?? e.status === "suspended",
      agreementsInForce: count?.inForce ?? 0,
      agreementsExpiring: count?.expiring ?? 0,
    };
  });
}

const township = alias(areas, "township");

function filterOf(q: { search?: string; kind?: EnterpriseKind; status?: EnterpriseStatus }): SQL | undefined {
  return and(
    q.search
      ? or(containsText(enterprises.name, q.search), containsText(enterprises.creditCode, q.search))
      : undefined,
    q.kind ? eq(enterprises.kind, q.kind) : undefined,
    q.status ? eq(enterprises.status, q.status) : undefined,
  );
}

function enterpriseRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({ ...getTableColumns(enterprises), areaName: township.name })
    .from(enterprises)
    .leftJoin(township, eq(township.id, enterprises.areaId))
    .where(where)
    .$dynamic();
}

/** One page of the register with each enterprise's credit grade and agreements in force, for the list page. */
export function listEnterprises(
  db: DbOrTx,
  input: ListEnterprisesInput,
  now: string,
): Page<EnterpriseSummary> {
  const q = ListEnterprisesInput.parse(input);
  const where = filterOf(q);
  const total = db.select({ n: count() }).from(enterprises).where(where).get()?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  const column = q.sort === "creditCode" ? enterprises.creditCode : enterprises.name;
  // The id breaks ties so that pages neither overlap nor skip an enterprise.
  const rows = enterpriseRows(db, where)
    .orderBy(q.order === "desc" ? desc(column) : asc(column), asc(enterprises.id))
    .limit(limit)
    .offset(offset)
    .all();
  // At most a page of ids, handed over as one JSON parameter.
  const ids = sql`(SELECT value FROM json_each(${JSON.stringify(rows.map((r) => r.id))}))`;
  return { total, rows: summaries(db, rows, ids, now) };
}

/** Every enterprise with its figures: only for the spreadsheet export, which holds the whole register. */
export function enterpriseSummaries(db: DbOrTx, now: string): EnterpriseSummary[] {
  const rows = enterpriseRows(db, undefined).orderBy(asc(enterprises.name), asc(enterprises.id)).all();
  return summaries(db, rows, sql`(SELECT id FROM enterprises)`, now);
}

export interface EnterpriseOption {
  id: number;
  name: string;
  creditCode: string;
  status: EnterpriseStatus;
  grade: CreditGrade;
  flagged: boolean;
}

/**
 * What an enterprise picker offers as the user types: at most `limit` enterprises whose name or credit code
 * contains the text, and the one already chosen (`id`) so the picker can name it.
 */
export function enterpriseOptions(
  db: DbOrTx,
  input: EnterpriseOptionsInput,
  now: string,
): EnterpriseOption[] {
  const q = EnterpriseOptionsInput.parse(input);
  const columns = {
    id: enterprises.id,
    name: enterprises.name,
    creditCode: enterprises.creditCode,
    status: enterprises.status,
  };
  const matches = db
    .select(columns)
    .from(enterprises)
    .where(filterOf(q))
    .orderBy(asc(enterprises.name), asc(enterprises.id))
    .limit(q.limit)
    .all();
  const chosen =
    q.id === undefined || matches.some((m) => m.id === q.id)
      ? undefined
      : db.select(columns).from(enterprises).where(eq(enterprises.id, q.id)).get();
  const credit = creditRecords(db, now);
  return [...(chosen ? [chosen] : []), ...matches].map((e) => {
    const record = credit.get(e.id);
    return {
      ...e,
      grade: record?.grade ?? "unrated",
      flagged: record?.flagged ?? e.status === "suspended",
    };
  });
}

export interface EnterpriseDetail extends EnterpriseView {
  credit: CreditRecord;
  creditEvents: CreditEventView[];
  agreements: AgreementView[];
  warehouses: WarehouseView[];
}

/** One enterprise with its contacts, enterprise warehouses, agreements and credit record. */
export function getEnterpriseDetail(db: DbOrTx, id: number, now: string): EnterpriseDetail {
  const enterprise = getEnterprise(db, id);
  const credit = creditRecords(db, now);
  return {
    ...enterprise,
    credit: creditRecord(db, id, now, credit),
    creditEvents: listCreditEvents(db, id),
    agreements: agreementViews(db, { enterpriseId: id }, now, credit),
    warehouses: listWarehouses(db).filter((w) => w.enterpriseId === id),
  };
}
