import type { ReliefDatabase } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import { itemsOfLines, toBaseUnits } from "../../stock/lines";
import { contextFor, createSeededDatabase } from "../../testing";
import { listCategories, listItems } from "../list";
import { itemsWithPacks } from "../packs";
import { createItem } from "../save";

let database: ReliefDatabase;
beforeEach(async () => {
  database = await createSeededDatabase();
});

describe("items with their packs", () => {
  it("lists packs smallest first, then by name, in the catalog, the loader and a posting's unit message", () => {
    const category = listCategories(database.db).find((c) => c.code === "other")?.id ?? 0;
    const item = createItem({
      ctx: contextFor(database),
      input: {
        code: "SD-01",
        name: "手电筒",
        categoryId: category,
        baseUnit: "支",
        kgPerUnit: 0.3,
        m3PerUnit: 0.001,
        packs: [
          { name: "箱", baseQuantity: 50 },
          { name: "盒", baseQuantity: 10 },
          { name: "包", baseQuantity: 10 },
        ],
      },
    });
    const ordered = [
      { name: "包", baseQuantity: 10 },
      { name: "盒", baseQuantity: 10 },
      { name: "箱", baseQuantity: 50 },
    ];
    expect(listItems(database.db).find((i) => i.id === item.id)?.packs).toEqual(ordered);
    expect(itemsWithPacks(database.db, [item.id]).get(item.id)?.packs).toEqual(ordered);
    database.db.transaction((tx) => {
      const [loaded] = itemsOfLines(tx, [{ itemId: item.id }]);
      if (!loaded) throw new Error("item missing");
      // The posting path listed packs by id (箱、盒、包) before it shared the catalog's loader.
      expect(() => toBaseUnits(loaded, 1, "桶", 0)).toThrow("“手电筒”没有单位“桶”（可用：支、包、盒、箱）");
    });
  });
});
