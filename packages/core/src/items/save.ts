import { itemCategories, itemPacks, items, ledgerLines, type Tx } from "@relief/db";
import { msg } from "@relief/domain";
import { and, eq, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { getItem, type ItemView } from "./list";
import { CreateItemInput, UpdateItemInput } from "./schemas";

function checkItem(tx: Tx, fields: { code: string; categoryId: number }, exceptId?: number): void {
  if (
    !tx
      .select({ id: itemCategories.id })
      .from(itemCategories)
      .where(eq(itemCategories.id, fields.categoryId))
      .get()
  ) {
    throw new ValidationError(msg("items.error.categoryNotFound"), [
      { field: "categoryId", message: msg("items.error.chooseCategory") },
    ]);
  }
  const clash = tx
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.code, fields.code), exceptId ? ne(items.id, exceptId) : undefined))
    .get();
  if (clash)
    throw new ConflictError(msg("items.error.codeTaken", { code: fields.code }), [
      { field: "code", message: msg("items.error.codeExists") },
    ]);
}

function writePacks(tx: Tx, itemId: number, packs: Array<{ name: string; baseQuantity: number }>): void {
  tx.delete(itemPacks).where(eq(itemPacks.itemId, itemId)).run();
  if (packs.length > 0)
    tx.insert(itemPacks)
      .values(packs.map((p) => ({ ...p, itemId })))
      .run();
}

export function createItem({ ctx, input }: { ctx: CoreContext; input: CreateItemInput }): ItemView {
  const { packs, ...fields } = CreateItemInput.parse(input);
  return withTransaction(ctx, (tx) => {
    checkItem(tx, fields);
    const at = nowIso(ctx);
    const row = tx
      .insert(items)
      .values({ ...fields, createdAt: at, updatedAt: at })
      .returning({ id: items.id })
      .get();
    writePacks(tx, row.id, packs);
    recordAudit(tx, ctx, { action: "items.create", targetType: "item", targetIds: [row.id], summary: input });
    return getItem(tx, row.id);
  });
}

/**
 * Changes an item. Weights, volumes and packs may change (they describe the goods); the base unit may not
 * once stock has been posted, since every recorded quantity is counted in it.
 */
export function updateItem({ ctx, input }: { ctx: CoreContext; input: UpdateItemInput }): ItemView {
  const { id, packs, ...fields } = UpdateItemInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const before = tx.select().from(items).where(eq(items.id, id)).get();
    if (!before) throw new NotFoundError(msg("items.error.notFound", { id: String(id) }));
    checkItem(tx, fields, id);
    if (fields.baseUnit !== before.baseUnit) {
      const posted = tx
        .select({ id: ledgerLines.id })
        .from(ledgerLines)
        .where(eq(ledgerLines.itemId, id))
        .limit(1)
        .get();
      if (posted) {
        throw new ConflictError(
          msg("items.error.baseUnitLocked", { item: before.name, unit: before.baseUnit }),
          [{ field: "baseUnit", message: msg("items.error.hasStockRecords") }],
        );
      }
    }
    tx.update(items)
      .set({ ...fields, updatedAt: nowIso(ctx) })
      .where(eq(items.id, id))
      .run();
    writePacks(tx, id, packs);
    recordAudit(tx, ctx, { action: "items.update", targetType: "item", targetIds: [id], summary: input });
    return getItem(tx, id);
  });
}
