import { ROLES } from "@relief/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { enterprises } from "./enterprises";

export { ROLES, type Role } from "@relief/domain";

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** `scrypt$N$r$p$salt$hash`, all base64 — parameters travel with the hash so they can be raised later. */
    passwordHash: text("password_hash").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /** The one partner enterprise an enterprise user acts for; every other role has none. */
    enterpriseId: integer("enterprise_id").references(() => enterprises.id),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [check("users_enterprise", sql`(${t.role} = 'enterprise') = (${t.enterpriseId} IS NOT NULL)`)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the cookie token: a stolen database does not yield usable cookies. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Login throttling counters, kept by rate-limiter-flexible in its SQLite layout (`expire` in epoch milliseconds).
 * A migration creates the table rather than the library, so it exists before any process's first login.
 */
export const loginLimits = sqliteTable(
  "login_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull().default(0),
    expire: integer("expire"),
  },
  (t) => [index("login_limits_expire_idx").on(t.expire)],
);
