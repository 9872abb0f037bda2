import { areas } from "@relief/db";
import { msg } from "@relief/domain";
import { and, eq, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, ValidationError } from "../errors";
import { getArea } from "./list";
import { type CreateAreaInput, type RemoveAreaInput, UpdateAreaInput } from "./schemas";
import { type AreaView, toAreaView } from "./view";

function nameTaken(tx: CoreContext["db"], parentId: number | null, name: string, exceptId?: number): boolean {
  const sameParent = parentId === null ? undefined : eq(areas.parentId, parentId);
  return !!tx
    .select({ id: areas.id })
    .from(areas)
    .where(and(sameParent, eq(areas.name, name), exceptId ? ne(areas.id, exceptId) : undefined))
    .get();
}

export function updateArea({ ctx, input }: { ctx: CoreContext; input: UpdateAreaInput }): AreaView {
  const { id, ...changes } = UpdateAreaInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const before = getArea(tx, id);
    if (changes.name && nameTaken(tx, before.parentId, changes.name, id)) {
      throw new ConflictError(msg("areas.error.siblingNameTaken", { name: changes.name }), [
        { field: "name", message: msg("areas.error.duplicateName") },
      ]);
    }
    const row = tx
      .update(areas)
      .set({ ...changes, updatedAt: nowIso(ctx) })
      .where(eq(areas.id, id))
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: "areas.update",
      targetType: "area",
      targetIds: [id],
      summary: { name: before.name, changes },
    });
    return toAreaView(row);
  });
}

/** Adds a village or community under a township. */
export function createArea({ ctx, input }: { ctx: CoreContext; input: CreateAreaInput }): AreaView {
  return withTransaction(ctx, (tx) => {
    const parent = getArea(tx, input.parentId);
    if (parent.level !== "township") {
      throw new ValidationError(msg("areas.error.villageUnderTownship"), [
        { field: "parentId", message: msg("areas.error.chooseTownship") },
      ]);
    }
    if (nameTaken(tx, parent.id, input.name)) {
      throw new ConflictError(msg("areas.error.nameTakenIn", { parent: parent.name, name: input.name }), [
        { field: "name", message: msg("areas.error.duplicateName") },
      ]);
    }
    const row = tx
      .insert(areas)
      .values({ ...input, level: "village", sortOrder: 0, updatedAt: nowIso(ctx) })
      .returning()
      .get();
    recordAudit(tx, ctx, { action: "areas.create", targetType: "area", targetIds: [row.id], summary: input });
    return toAreaView(row);
  });
}

/** Removes a village or community entered by mistake; the district and townships are fixed. */
export function removeArea({ ctx, input }: { ctx: CoreContext; input: RemoveAreaInput }): void {
  withTransaction(ctx, (tx) => {
    const area = getArea(tx, input.id);
    if (area.level !== "village") throw new ConflictError(msg("areas.error.onlyVillagesRemovable"));
    tx.delete(areas).where(eq(areas.id, area.id)).run();
    recordAudit(tx, ctx, {
      action: "areas.remove",
      targetType: "area",
      targetIds: [area.id],
      summary: { name: area.name, parentId: area.parentId },
    });
  });
}
