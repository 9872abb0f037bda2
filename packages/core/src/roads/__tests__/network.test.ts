import { areas, type ReliefDatabase, roadEdges, roadNodes, warehouses } from "@relief/db";
import { DETOUR_FACTOR, ROAD_SPEEDS_KMH, straightKm } from "@relief/domain";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import roadsFixture from "../../../../../fixtures/banan/roads.json" with { type: "json" };
import { createSeededDatabase } from "../../testing";
import { listRoads } from "../list";
import { roadNetworkForPlanning } from "../planning";

let database: ReliefDatabase;
beforeAll(async () => {
  database = await createSeededDatabase();
});

/** Node ids reachable from `start` over the edges `use` keeps, both ways. */
function reachable(start: number, edges: Array<{ from: number; to: number }>): Set<number> {
  const next = new Map<number, number[]>();
  for (const e of edges) {
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    next.set(e.to, [...(next.get(e.to) ?? []), e.from]);
  }
  const seen = new Set([start]);
  const stack = [start];
  for (let node = stack.pop(); node !== undefined; node = stack.pop())
    for (const to of next.get(node) ?? []) {
      if (seen.has(to)) continue;
      seen.add(to);
      stack.push(to);
    }
  return seen;
}

describe("the Banan road network", () => {
  it("takes the fixture's detour factor and speeds from the domain's figures", () => {
    expect(roadsFixture.detourFactor).toBe(DETOUR_FACTOR);
    expect(roadsFixture.speedsKmh).toEqual(ROAD_SPEEDS_KMH);
  });

  it("has a node for every township seat, at the township's point, and for every warehouse", () => {
    const { nodes } = listRoads(database.db);
    const townships = database.db.select().from(areas).where(eq(areas.level, "township")).all();
    expect(townships).toHaveLength(23);
    for (const t of townships) {
      const seat = nodes.find((n) => n.kind === "township" && n.areaId === t.id);
      expect(seat, t.name).toMatchObject({ name: t.name, lat: t.lat, lon: t.lon });
    }
    for (const w of database.db.select().from(warehouses).all()) {
      const node = nodes.find((n) => n.warehouseId === w.id);
      expect(node, w.code).toMatchObject({ kind: "warehouse", code: `W-${w.code}`, areaId: w.areaId });
      if (w.lat !== null) expect(node).toMatchObject({ lat: w.lat, lon: w.lon });
    }
  });

  it("places an enterprise site registered without coordinates at its enterprise's", () => {
    const site = database.db.select().from(warehouses).where(eq(warehouses.code, "QY01")).get();
    expect(site?.lat).toBeNull();
    const node = database.db.select().from(roadNodes).where(eq(roadNodes.code, "W-QY01")).get();
    expect(node).toMatchObject({ lat: 29.472, lon: 106.531 });
  });

  it("is connected: every township seat and every active warehouse reaches every other", () => {
    const { nodes, edges } = roadNetworkForPlanning(database.db);
    const start = nodes[0]?.id ?? 0;
    const reached = reachable(start, edges);
    const missing = nodes.filter((n) => !reached.has(n.id)).map((n) => n.code);
    expect(missing).toEqual([]);
    const seats = nodes.filter((n) => n.seat);
    expect(seats).toHaveLength(23);
    const active = database.db.select().from(warehouses).where(eq(warehouses.active, true)).all();
    for (const w of active)
      expect(
        nodes.some((n) => n.warehouseId === w.id),
        w.code,
      ).toBe(true);
  });

  it("reaches 麻柳嘴镇 north of the Yangtze only by the 太洪 bridge or the 木洞 ferry", () => {
    const { nodes, edges } = roadNetworkForPlanning(database.db);
    const crossings = listRoads(database.db).edges.filter(
      (e) => e.crossing !== null && e.name.match(/太洪|麻柳/),
    );
    expect(crossings.map((e) => e.crossing).sort()).toEqual(["bridge", "ferry"]);
    const south = nodes.find((n) => n.code === "T01")?.id ?? 0;
    const north = nodes.find((n) => n.code === seatCode("麻柳嘴镇"))?.id ?? -1;
    const without = edges.filter((e) => !crossings.some((c) => c.id === e.id));
    expect(reachable(south, edges).has(north)).toBe(true);
    expect(reachable(south, without).has(north)).toBe(false);
    const ferry = crossings.find((e) => e.crossing === "ferry");
    expect(ferry).toMatchObject({ roadClass: "ferry", minutes: 30 });
  });

  it("marks each length's basis: reported, apportioned over 木高路's 57 km, estimated × the detour factor", () => {
    const { nodes, edges } = listRoads(database.db);
    const at = new Map(nodes.map((n) => [n.id, n]));
    const tunnel = edges.find((e) => e.name === "龙洲湾隧道");
    expect(tunnel).toMatchObject({ km: 8, kmBasis: "reported" });
    const mugao = edges.filter((e) => e.name === "木高路");
    expect(mugao).toHaveLength(4);
    expect(mugao.every((e) => e.kmBasis === "apportioned")).toBe(true);
    expect(mugao.reduce((s, e) => s + e.km, 0)).toBeCloseTo(57, 0);
    const estimated = edges.filter((e) => e.kmBasis === "estimated" && e.km !== 1);
    expect(estimated.length).toBeGreaterThan(40);
    for (const e of estimated) {
      const from = at.get(e.fromNodeId);
      const to = at.get(e.toNodeId);
      if (!from || !to) throw new Error("edge without ends");
      expect(e.km, e.code).toBeCloseTo(straightKm(from, to) * DETOUR_FACTOR, 1);
    }
  });

  it("codes the edges as the fixture does, in its order", () => {
    const codes = database.db.select({ code: roadEdges.code }).from(roadEdges).orderBy(roadEdges.id).all();
    expect(codes.map((c) => c.code)).toEqual(roadsFixture.edges.map((e) => e.code));
    expect(codes[0]?.code).toBe("R001");
  });
});

function seatCode(name: string): string {
  const index = database.db.select().from(areas).where(eq(areas.name, name)).get()?.sortOrder ?? 0;
  return `T${String(index).padStart(2, "0")}`;
}
