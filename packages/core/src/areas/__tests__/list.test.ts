import { areas, type ReliefDatabase } from "@relief/db";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_PAGE_SIZE } from "../../paging";
import { createSeededDatabase } from "../../testing";
import { listAreas, listVillages } from "../list";
import { ListVillagesInput } from "../schemas";

let database: ReliefDatabase;
let townships: Array<{ id: number; name: string; population: number }>;

/** 130 villages of 100 people each: 70 under the first township, 60 under the second. */
beforeAll(async () => {
  database = await createSeededDatabase();
  townships = listAreas(database.db, { level: "township" }).areas;
  const rows = Array.from({ length: 130 }, (_, i) => {
    const parent = (i < 70 ? townships[0] : townships[1]) as { id: number };
    return {
      parentId: parent.id,
      level: "village" as const,
      kind: i % 3 === 0 ? ("community" as const) : ("village" as const),
      name: `${i % 10 === 0 ? "测试%社区" : "测试村"}${String(i).padStart(3, "0")}`,
      population: 100,
      populationYear: 2024,
      populationBasis: "estimate" as const,
      sortOrder: i,
      updatedAt: "2026-01-01T00:00:00.000Z",
    };
  });
  database.db.insert(areas).values(rows).run();
});

describe("area register", () => {
  it("answers the district and its townships only, with the villages summed by the database", () => {
    const overview = listAreas(database.db);
    expect(overview.areas.map((a) => a.level)).toEqual(["district", ...Array(23).fill("township")]);
    const [first, second, third] = overview.areas.slice(1);
    expect(first).toMatchObject({ childCount: 70, childrenPopulation: 7_000 });
    expect(second).toMatchObject({ childCount: 60, childrenPopulation: 6_000 });
    expect(third).toMatchObject({ childCount: 0, childrenPopulation: null });
    // The district's sum is over its townships, whose own figures the villages do not change.
    expect(overview.district?.childrenPopulation).toBe(1_178_856);
    expect(overview.targets?.reservePeople).toBe(117_886);
  });

  it("pages the villages in register order, township by township, with the total over all pages", () => {
    const all = [1, 2, 3].flatMap((page) => listVillages(database.db, { page, pageSize: 50 }).rows);
    expect(all.map((v) => v.name)).toEqual([
      ...Array.from(
        { length: 70 },
        (_, i) => `${i % 10 === 0 ? "测试%社区" : "测试村"}${String(i).padStart(3, "0")}`,
      ),
      ...Array.from(
        { length: 60 },
        (_, i) => `${(i + 70) % 10 === 0 ? "测试%社区" : "测试村"}${String(i + 70).padStart(3, "0")}`,
      ),
    ]);
    const second = listVillages(database.db, { page: 2, pageSize: 50 });
    expect(second.total).toBe(130);
    expect(second.rows).toHaveLength(50);
    expect(second.rows[0]).toMatchObject({ name: "测试%社区050", townshipName: townships[0]?.name });
    expect(second.rows[49]).toMatchObject({ name: "测试村099", townshipName: townships[1]?.name });
    expect(listVillages(database.db, { page: 3, pageSize: 50 }).rows).toHaveLength(30);
    expect(listVillages(database.db, { page: 4, pageSize: 50 })).toEqual({ total: 130, rows: [] });
  });

  it("filters by township and by name, taking % literally", () => {
    const second = listVillages(database.db, { townshipId: townships[1]?.id, pageSize: 20, page: 3 });
    expect(second.total).toBe(60);
    expect(second.rows.map((v) => v.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `${(i + 110) % 10 === 0 ? "测试%社区" : "测试村"}${i + 110}`),
    );
    const literal = listVillages(database.db, { search: "%社区" });
    expect(literal.total).toBe(13);
    expect(literal.rows.every((v) => v.name.startsWith("测试%社区"))).toBe(true);
    expect(listVillages(database.db, { search: "测试%社区12", townshipId: townships[1]?.id }).rows).toEqual([
      expect.objectContaining({ name: "测试%社区120" }),
    ]);
  });

  it("never answers more than a page, and refuses a page larger than the ceiling", () => {
    expect(listVillages(database.db, { pageSize: 7 }).rows).toHaveLength(7);
    expect(listVillages(database.db).rows).toHaveLength(50);
    expect(ListVillagesInput.safeParse({ pageSize: MAX_PAGE_SIZE + 1 }).success).toBe(false);
    expect(ListVillagesInput.safeParse({ page: 0 }).success).toBe(false);
  });
});
