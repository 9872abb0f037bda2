import { type SQL, sql } from "drizzle-orm";

/**
 * When a stock line's next declaration is due: its agreement's cadence (申报周期, `declaration_months`) after
 * the latest declaration the enterprise submitted that was not returned, or after the agreement's start when
 * there is none. A submission waiting for review counts as made (the enterprise did its part); a returned one
 * does not. One SQL expression over the line aliased `l` and the agreement `a`, for the portal and the bureau's
 * overdue list alike.
 */
export function nextDeclarationDueSql(): SQL<string> {
  return sql<string>`date(coalesce(
      (SELECT max(d.declared_on) FROM agreement_declarations d
        WHERE d.line_id = l.id AND d.status <> 'returned'),
      a.start_date), '+' || a.declaration_months || ' months')`;
}

/** The latest declaration date that counts toward the cadence (see `nextDeclarationDueSql`), or null. */
export function lastDeclaredOnSql(): SQL<string | null> {
  return sql<string | null>`(SELECT max(d.declared_on) FROM agreement_declarations d
    WHERE d.line_id = l.id AND d.status <> 'returned')`;
}
