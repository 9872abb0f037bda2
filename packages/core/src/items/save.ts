import { itemCategories, itemPacks, items, ledgerLines, type Tx } from "@relief/db";
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
    throw new ValidationError("物资类别不存在", [{ field: "categoryId", message: "请选择类别" }]);
  }
  const clash = tx
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.code, fields.code), exceptId ? ne(items.id, exceptId) : undefined))
    .get();
  if (clash)
    throw new ConflictError(`物资编码 ${fields.code} 已存在`, [{ field: "code", message: "编码已存在" }]);
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
    if (!before) throw new NotFoundError(`物资 #${id} 不存在`);
    checkItem(tx, fields, id);
    if (fields.baseUnit !== before.baseUnit) {
      const posted = tx
        .select({ id: ledgerLines.id })
        .from(ledgerLines)
        .where(eq(ledgerLines.itemId, id))
        .limit(1)
        .get();
      if (posted) {
        throw new ConflictError(`“${before.name}”已有库存记录，基本单位（${before.baseUnit}）不能修改`, [
          { field: "baseUnit", message: "已有库存记录，不能修改" },
        ]);
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
