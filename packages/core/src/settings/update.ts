import { districtSettings } from "@relief/db";
import { msg } from "@relief/domain";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ForbiddenError, UnauthorizedError, ValidationError } from "../errors";
import { getSettings, type SettingsView } from "./get";
import { UpdateSettingsInput } from "./schemas";

/**
 * Changes district settings (administrators only): each given key is written with who changed it and when,
 * the audit row keeps the values before and after.
 */
export function updateSettings({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: UpdateSettingsInput;
}): SettingsView {
  const actor = ctx.actor;
  if (!actor) throw new UnauthorizedError();
  if (actor.role !== "admin") throw new ForbiddenError(msg("settings.error.adminOnly"));
  const changes = UpdateSettingsInput.parse(input);
  // A key sent as undefined is a key left out.
  const keys = (Object.keys(changes) as Array<keyof UpdateSettingsInput>).filter(
    (k) => changes[k] !== undefined,
  );
  if (keys.length === 0) throw new ValidationError(msg("settings.error.nothingToChange"));
  const at = nowIso(ctx);
  return withTransaction(ctx, (tx) => {
    const before = getSettings(tx);
    for (const key of keys) {
      const value = JSON.stringify(changes[key]);
      tx.insert(districtSettings)
        .values({ key, value, updatedBy: actor.userId, updatedAt: at })
        .onConflictDoUpdate({
          target: districtSettings.key,
          set: { value, updatedBy: actor.userId, updatedAt: at },
        })
        .run();
    }
    recordAudit(tx, ctx, {
      action: "settings.update",
      targetType: "district_settings",
      targetIds: keys,
      summary: { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: changes },
    });
    return getSettings(tx);
  });
}
