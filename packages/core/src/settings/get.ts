import { type DbOrTx, districtSettings, users } from "@relief/db";
import { DEFAULT_SETTINGS, type DistrictSettings } from "@relief/domain";
import { desc, eq } from "drizzle-orm";
import { UpdateSettingsInput } from "./schemas";

export interface SettingsView extends DistrictSettings {
  /** The last change to any setting, or null while every setting holds its default. */
  updatedAt: string | null;
  updatedBy: string | null;
}

/**
 * The district's settings, each from its row or its default. A stored value that no longer parses (a setting
 * whose choices changed) counts as unset rather than failing every reader.
 */
export function getSettings(db: DbOrTx): SettingsView {
  const rows = db
    .select({
      key: districtSettings.key,
      value: districtSettings.value,
      updatedAt: districtSettings.updatedAt,
      updatedBy: users.displayName,
    })
    .from(districtSettings)
    .leftJoin(users, eq(users.id, districtSettings.updatedBy))
    .orderBy(desc(districtSettings.updatedAt))
    .all();
  const stored = UpdateSettingsInput.safeParse(
    Object.fromEntries(
      rows.filter((r) => r.key in DEFAULT_SETTINGS).map((r) => [r.key, JSON.parse(r.value)]),
    ),
  );
  const latest = rows[0];
  return {
    ...DEFAULT_SETTINGS,
    ...(stored.success ? stored.data : {}),
    updatedAt: latest?.updatedAt ?? null,
    updatedBy: latest?.updatedBy ?? null,
  };
}
