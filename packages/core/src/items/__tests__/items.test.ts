import type { ReliefDatabase } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import { contextFor, createSeededDatabase, demoIds, zhThrown } from "../../testing";
import { listCategories, listItems } from "../list";
import { createItem, updateItem } from "../save";

let database: ReliefDatabase;
beforeEach(async () => {
  database = await createSeededDatabase();
});

describe("material catalog", () => {
  it("has the default categories as data and the demo items with packs", () => {
    expect(listCategories(database.db).map((c) => c.name)).toEqual([
      "帐篷",
      "棉被",
      "折叠床",
      "棉大衣",
      "家庭应急包",
      "照明灯",
      "饮用水",
      "方便食品",
      "发电机",
      "其他",
    ]);
    expect(listItems(database.db).find((i) => i.code === "YYS-1L")).toMatchObject({
      baseUnit: "瓶",
      packs: [{ name: "箱", baseQuantity: 12 }],
      shelfLifeMonths: 12,
      categoryName: "饮用水",
    });
  });

  it("creates an item with packs, and refuses a duplicate code or a pack named like the base unit", () => {
    const ctx = contextFor(database);
    const category = listCategories(database.db).find((c) => c.code === "other")?.id ?? 0;
    const item = createItem({
      ctx,
      input: {
        code: "SD-01",
        name: "手电筒",
        categoryId: category,
        baseUnit: "支",
        kgPerUnit: 0.3,
        m3PerUnit: 0.001,
        packs: [{ name: "箱", baseQuantity: 50 }],
      },
    });
    expect(item).toMatchObject({ code: "SD-01", packs: [{ name: "箱", baseQuantity: 50 }], active: true });
    expect(() =>
      createItem({
        ctx,
        input: { code: "SD-01", name: "x", categoryId: category, baseUnit: "支", kgPerUnit: 0, m3PerUnit: 0 },
      }),
    ).toThrow("物资编码 SD-01 已存在");
    expect(
      zhThrown(() =>
        createItem({
          ctx,
          input: {
            code: "SD-02",
            name: "x",
            categoryId: category,
            baseUnit: "支",
            kgPerUnit: 0,
            m3PerUnit: 0,
            packs: [{ name: "支", baseQuantity: 2 }],
          },
        }),
      ),
    ).toContain("包装单位不能与基本单位相同");
  });

  it("keeps the base unit of an item that has stock", () => {
    const ctx = contextFor(database);
    const quilts = listItems(database.db).find((i) => i.code === "MB-01");
    if (!quilts) throw new Error("demo item missing");
    const { id, categoryName: _c, ...fields } = quilts;
    expect(() => updateItem({ ctx, input: { id, ...fields, baseUnit: "条" } })).toThrow(
      "“棉被”已有库存记录，基本单位（床）不能修改",
    );
    expect(updateItem({ ctx, input: { id, ...fields, kgPerUnit: 3 } }).kgPerUnit).toBe(3);
    expect(demoIds(database).item("MB-01")).toBe(id);
  });
});
