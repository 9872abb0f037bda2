import { type DbOrTx, itemCategories } from "@relief/db";
import { msg } from "@relief/domain";
import { asc } from "drizzle-orm";
import { NotFoundError } from "../errors";
import { type ItemPack, itemsWithPacks } from "./packs";

type CategoryRow = typeof itemCategories.$inferSelect;

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
  packs: ItemPack[];
}

export function listCategories(db: DbOrTx) {
  return db
    .select()
    .from(itemCategories)
    .orderBy(asc(itemCategories.sortOrder), asc(itemCategories.id))
    .all();
}

/** Items by category order, then code; their packs as `itemsWithPacks` orders them. */
export function listItems(db: DbOrTx, only?: { id: number }): ItemView[] {
  const categories = new Map(listCategories(db).map((c) => [c.id, c]));
  const loaded = itemsWithPacks(db, only ? [only.id] : "all");
  return [...loaded.values()]
    .map((item) => ({ item, category: categories.get(item.categoryId) as CategoryRow }))
    .sort(
      (a, b) =>
        a.category.sortOrder - b.category.sortOrder ||
        (a.item.code < b.item.code ? -1 : a.item.code > b.item.code ? 1 : 0),
    )
    .map(({ item, category }) => ({
      id: item.id,
      code: item.code,
      name: item.name,
      categoryId: item.categoryId,
      categoryName: category.name,
      specification: item.specification,
      baseUnit: item.baseUnit,
      kgPerUnit: item.kgPerUnit,
      m3PerUnit: item.m3PerUnit,
      shelfLifeMonths: item.shelfLifeMonths,
      active: item.active,
      packs: item.packs,
    }));
}

export function getItem(db: DbOrTx, id: number): ItemView {
  const [item] = listItems(db, { id });
  if (!item) throw new NotFoundError(msg("items.error.notFound", { id: String(id) }));
  return item;
}
