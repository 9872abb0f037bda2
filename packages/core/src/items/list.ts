import { type DbOrTx, itemCategories, itemPacks, items } from "@relief/db";
import { asc, eq } from "drizzle-orm";
import { NotFoundError } from "../errors";

export interface ItemView {
  id: number;
  code: string;
  name: string;
  categoryId: number;
  categoryName: string;
  specification: string;
  baseUnit: string;
  kgPerUnit: number;
  m3PerUnit: number;
  shelfLifeMonths: number | null;
  active: boolean;
  packs: Array<{ name: string; baseQuantity: number }>;
}

export function listCategories(db: DbOrTx) {
  return db
    .select()
    .from(itemCategories)
    .orderBy(asc(itemCategories.sortOrder), asc(itemCategories.id))
    .all();
}

export function listItems(db: DbOrTx, only?: { id: number }): ItemView[] {
  const packs = db
    .select()
    .from(itemPacks)
    .where(only ? eq(itemPacks.itemId, only.id) : undefined)
    .orderBy(asc(itemPacks.baseQuantity))
    .all();
  return db
    .select({
      id: items.id,
      code: items.code,
      name: items.name,
      categoryId: items.categoryId,
      categoryName: itemCategories.name,
      specification: items.specification,
      baseUnit: items.baseUnit,
      kgPerUnit: items.kgPerUnit,
      m3PerUnit: items.m3PerUnit,
      shelfLifeMonths: items.shelfLifeMonths,
      active: items.active,
    })
    .from(items)
    .innerJoin(itemCategories, eq(itemCategories.id, items.categoryId))
    .where(only ? eq(items.id, only.id) : undefined)
    .orderBy(asc(itemCategories.sortOrder), asc(items.code))
    .all()
    .map((item) => ({
      ...item,
      packs: packs
        .filter((p) => p.itemId === item.id)
        .map((p) => ({ name: p.name, baseQuantity: p.baseQuantity })),
    }));
}

export function getItem(db: DbOrTx, id: number): ItemView {
  const [item] = listItems(db, { id });
  if (!item) throw new NotFoundError(`物资 #${id} 不存在`);
  return item;
}
