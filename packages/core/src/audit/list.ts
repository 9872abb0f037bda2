import { auditLog, type DbOrTx } from "@relief/db";
import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { type Page, pageWindow } from "../paging";
import { startsWithText } from "../search";
import { ListAuditInput } from "./schemas";

export interface AuditRow {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  targetType: string | null;
  targetIds: Array<number | string>;
  summary: unknown;
  ip: string | null;
}

export function listAudit(db: DbOrTx, input: ListAuditInput): Page<AuditRow> {
  const q = ListAuditInput.parse(input);
  const filters: SQL[] = [];
  if (q.userId) filters.push(eq(auditLog.userId, q.userId));
  if (q.action) filters.push(startsWithText(auditLog.action, q.action));
  if (q.targetType) filters.push(eq(auditLog.targetType, q.targetType));
  if (q.from) filters.push(gte(auditLog.at, new Date(q.from).toISOString()));
  if (q.to) filters.push(lt(auditLog.at, new Date(q.to).toISOString()));
  const where = filters.length ? and(...filters) : undefined;
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  const rows = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset)
    .all();
  return {
    total,
    rows: rows.map((r) => ({ ...r, targetIds: JSON.parse(r.targetIds), summary: JSON.parse(r.summary) })),
  };
}
