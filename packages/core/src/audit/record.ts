import { type DbOrTx, preparedOnce } from "@relief/db";
import { type CoreContext, nowIso } from "../context";

export interface AuditEntry {
  /** The procedure name, e.g. `areas.update`. */
  action: string;
  targetType?: string;
  targetIds?: Array<number | string>;
  /** The input, or a digest of it; secrets and bulky values are removed before storing. */
  summary?: unknown;
}

const SECRET_KEY = /password|token|secret/i;
const MAX_STRING = 200;

/** Removes secrets and replaces bulky values (uploaded files) by their size, keeping the shape readable. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") {
    return value.length > MAX_STRING ? `[${value.length} 字符]` : value;
  }
  if (value instanceof Uint8Array) return `[${value.byteLength} 字节]`;
  if (Array.isArray(value)) {
    const shown = value.slice(0, 50).map((v) => redact(v, depth + 1));
    return value.length > 50 ? [...shown, `…共 ${value.length} 项`] : shown;
  }
  if (value && typeof value === "object") {
    if (depth > 4) return "[…]";
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[已隐藏]" : redact(v, depth + 1)]),
    );
  }
  return value;
}

/** Appends one row to the audit log, inside the caller's transaction. */
export function recordAudit(db: DbOrTx, ctx: CoreContext, entry: AuditEntry): void {
  // Every write passes here, stock postings included: a prepared statement keeps it cheap.
  const insert = preparedOnce(db, "audit.insert", (client) =>
    client.prepare(
      `INSERT INTO audit_log (at, user_id, username, action, target_type, target_ids, summary, ip)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  );
  insert.run(
    nowIso(ctx),
    ctx.actor?.userId ?? null,
    ctx.actor?.username ?? null,
    entry.action,
    entry.targetType ?? null,
    JSON.stringify(entry.targetIds ?? []),
    JSON.stringify(redact(entry.summary ?? {})),
    ctx.ip ?? null,
  );
}
