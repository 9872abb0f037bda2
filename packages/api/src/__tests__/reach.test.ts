import { createSeededDatabase } from "@relief/core/testing";
import { areas, type ReliefDatabase, roadEdges, warehouses } from "@relief/db";
import { beforeAll, describe, expect, it } from "vitest";
import { callerAs } from "../testing";

/**
 * Coverage within reach follows today's roads: 麻柳嘴镇, north of the Yangtze, is reached only over the
 * 太洪长江大桥 (R077) or the 木洞—麻柳 car ferry (R080); with both closed only stock inside the township could
 * still equip its people, and no warehouse stands there.
 */
describe("dispatch.reach over today's roads", () => {
  let database: ReliefDatabase;
  const edgeIds = () =>
    database.db
      .select()
      .from(roadEdges)
      .all()
      .filter((e) => ["R077", "R080"].includes(e.code))
      .map((e) => e.id);

  beforeAll(async () => {
    database = await createSeededDatabase();
  });

  it("drops 麻柳嘴镇 to the stock inside it when its bridge and ferry close, and restores it when they reopen", async () => {
    const reader = callerAs(database, "lingdao");
    const dispatcher = callerAs(database, "diaodu");
    const maLiu = (rows: Awaited<ReturnType<typeof reader.dispatch.reach>>) =>
      rows.find((t) => t.name === "麻柳嘴镇");
    const township = database.db
      .select()
      .from(areas)
      .all()
      .find((a) => a.name === "麻柳嘴镇");
    const inside = database.db
      .select()
      .from(warehouses)
      .all()
      .filter((w) => w.areaId === township?.id);
    expect(inside).toEqual([]);

    const before = await reader.dispatch.reach();
    expect(maLiu(before)?.peopleWithinReach).toBeGreaterThan(0);
    expect(maLiu(before)?.warehouses.length).toBeGreaterThan(0);

    const ids = edgeIds();
    expect(ids).toHaveLength(2);
    for (const edgeId of ids)
      await dispatcher.roads.setStatus({ edgeId, status: "closed", reason: "演练：桥渡封闭" });
    const closed = await reader.dispatch.reach();
    expect(maLiu(closed)).toMatchObject({ inNetwork: true, warehouses: [], peopleWithinReach: 0 });
    // Only 麻柳嘴镇 is cut off: every township south of the river keeps its figure.
    expect(closed.filter((t) => t.name !== "麻柳嘴镇")).toEqual(before.filter((t) => t.name !== "麻柳嘴镇"));

    for (const edgeId of ids)
      await dispatcher.roads.setStatus({ edgeId, status: "open", reason: "恢复通行" });
    expect(await reader.dispatch.reach()).toEqual(before);
  });
});
