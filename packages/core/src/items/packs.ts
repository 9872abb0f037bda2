import { type DbOrTx, type items, preparedOnce } from "@relief/db";

type ItemRow = typeof items.$inferSelect;

export interface ItemPack {
  name: string;
  baseQuantity: number;
}

export interface ItemWithPacks extends ItemRow {
  /** Smallest pack first, then by name: the order of the unit lists in forms and of "可用：…" in messages. */
  packs: ItemPack[];
}

type RawItem = Omit<ItemRow, "active"> & { active: number };
type RawPack = ItemPack & { itemId: number };

const ITEM_COLUMNS = `id, code, name, category_id AS categoryId, specification, base_unit AS baseUnit,
  kg_per_unit AS kgPerUnit, m3_per_unit AS m3PerUnit, shelf_life_months AS shelfLifeMonths, active,
  created_at AS createdAt, updated_at AS updatedAt`;
const PACK_COLUMNS = "item_id AS itemId, name, base_quantity AS baseQuantity";
const PACK_ORDER = "ORDER BY base_quantity, name";
const IN_IDS = "IN (SELECT value FROM json_each(?))";

/**
 * Every loader of items with their packs goes through here, so packs come in one order everywhere. Two queries
 * whatever the number of items, on statements prepared once per connection: posting a document calls this for
 * its lines, and drizzle would build and prepare the queries anew each time. Items come in id order.
 */
export function itemsWithPacks(db: DbOrTx, ids: Iterable<number> | "all"): Map<number, ItemWithPacks> {
  const s = preparedOnce(db, "items.withPacks", (client) => ({
    someItems: client.prepare<[string], RawItem>(
      `SELECT ${ITEM_COLUMNS} FROM items WHERE id ${IN_IDS} ORDER BY id`,
    ),
    somePacks: client.prepare<[string], RawPack>(
      `SELECT ${PACK_COLUMNS} FROM item_packs WHERE item_id ${IN_IDS} ${PACK_ORDER}`,
    ),
    allItems: client.prepare<[], RawItem>(`SELECT ${ITEM_COLUMNS} FROM items ORDER BY id`),
    allPacks: client.prepare<[], RawPack>(`SELECT ${PACK_COLUMNS} FROM item_packs ${PACK_ORDER}`),
  }));
  let rows: RawItem[];
  let packs: RawPack[];
  if (ids === "all") {
    rows = s.allItems.all();
    packs = s.allPacks.all();
  } else {
    const list = JSON.stringify([...new Set(ids)]);
    rows = s.someItems.all(list);
    packs = s.somePacks.all(list);
  }
  const loaded = new Map<number, ItemWithPacks>(
    rows.map((row) => [row.id, { ...row, active: row.active === 1, packs: [] }]),
  );
  for (const { itemId, name, baseQuantity } of packs) loaded.get(itemId)?.packs.push({ name, baseQuantity });
  return loaded;
}
