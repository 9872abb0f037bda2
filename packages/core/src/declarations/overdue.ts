import { agreementLines, agreements, type DbOrTx, enterprises, items } from "@relief/db";
import { and, asc, count, eq, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { agreementStatusSql } from "../agreements/status";
import { type Page, pageWindow } from "../paging";
import { localDate } from "../time";
import { lastDeclaredOnSql, nextDeclarationDueSql } from "./due";
import { OverdueDeclarationsInput } from "./schemas";

export interface OverdueDeclaration {
  lineId: number;
  agreementId: number;
  agreementNumber: string;
  lineNo: number;
  enterpriseId: number;
  enterpriseName: string;
  itemName: string;
  /** 申报周期 in months. */
  months: number;
  lastDeclaredOn: string | null;
  dueOn: string;
  daysOverdue: number;
}

const l = alias(agreementLines, "l");
const a = alias(agreements, "a");

/**
 * 逾期未申报: stock lines of agreements in force whose next declaration (by the agreement's cadence, monthly by
 * default) fell due before today, most overdue first. A submission awaiting review counts as made; a returned
 * one does not (see `nextDeclarationDueSql`).
 */
export function overdueDeclarations(
  db: DbOrTx,
  input: OverdueDeclarationsInput,
  now: string,
): Page<OverdueDeclaration> {
  const q = OverdueDeclarationsInput.parse(input);
  const today = localDate(now);
  const due = nextDeclarationDueSql();
  const where = and(
    eq(a.kind, "stock"),
    sql`${agreementStatusSql(today)} IN ('active', 'expiring')`,
    lt(due, today),
    q.enterpriseId !== undefined ? eq(a.enterpriseId, q.enterpriseId) : undefined,
  );
  const { limit, offset } = pageWindow(q);
  const total =
    db.select({ n: count() }).from(l).innerJoin(a, eq(a.id, l.agreementId)).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      lineId: l.id,
      agreementId: a.id,
      agreementNumber: a.number,
      lineNo: l.lineNo,
      enterpriseId: a.enterpriseId,
      enterpriseName: enterprises.name,
      itemName: sql<string>`coalesce(${items.name}, '')`,
      months: a.declarationMonths,
      lastDeclaredOn: lastDeclaredOnSql(),
      dueOn: due,
      daysOverdue: sql<number>`CAST(julianday(${today}) - julianday(${due}) AS INTEGER)`,
    })
    .from(l)
    .innerJoin(a, eq(a.id, l.agreementId))
    .innerJoin(enterprises, eq(enterprises.id, a.enterpriseId))
    .leftJoin(items, eq(items.id, l.itemId))
    .where(where)
    .orderBy(asc(due), asc(a.number), asc(l.lineNo))
    .limit(limit)
    .offset(offset)
    .all();
  return { total, rows };
}
