import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

/** Append-only: nothing in the code base updates or deletes a row of this table (see the trigger in the migration). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    userId: integer("user_id").references(() => users.id),
    username: text("username"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    /** JSON array of the ids the action touched. */
    targetIds: text("target_ids").notNull().default("[]"),
    /** JSON summary of the input, secrets removed. */
    summary: text("summary").notNull().default("{}"),
    ip: text("ip"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_user_idx").on(t.userId),
    index("audit_log_action_idx").on(t.action),
  ],
);
