import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

/**
 * District settings, one row a setting: its key (a key of `DistrictSettings` in @relief/domain), its value as
 * JSON, and who last changed it when. A key without a row holds the domain's default.
 */
export const districtSettings = sqliteTable("district_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedAt: text("updated_at").notNull(),
});
