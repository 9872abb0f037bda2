import areas from "../../../../fixtures/banan/areas.json" with { type: "json" };
import commerce from "../../../../fixtures/banan/commerce.json" with { type: "json" };
import fleet from "../../../../fixtures/banan/fleet.json" with { type: "json" };
import quotas from "../../../../fixtures/banan/quotas.json" with { type: "json" };
import reserves from "../../../../fixtures/banan/reserves.json" with { type: "json" };
import roads from "../../../../fixtures/banan/roads.json" with { type: "json" };
import { buildScenarios, type TownshipRegister } from "../layout/scenarios";
import type { LayoutProblem } from "../layout/schema";

/**
 * A Banan-sized layout problem built from fixtures/banan for the benchmark, without the database: the road
 * fixture (lengths given, else straight line × 1.3; the 木高路's published total is not apportioned here), the
 * 14 warehouses with their capacities and loading times, government stock from the demo receipts and
 * enterprise stock from the stock agreements (enterprise sites receive no advice), the available trucks at the domain's class capacities, and a
 * synthetic risk register (floods along the Yangtze, landslides in the hills with the township's first
 * road closed, fire in the urban subdistricts, an earthquake everywhere) — estimates for timing, not advice.
 */

const TRUCKS = {
  light: { capacityKg: 2000, capacityM3: 14 },
  medium: { capacityKg: 8000, capacityM3: 40 },
  heavy: { capacityKg: 15000, capacityM3: 55 },
} as const;

/** Yuan per unit: the agreements' prices where they give one, else estimates. */
const PRICES: Record<string, number> = {
  "ZP-12": 1500,
  "MB-01": 120,
  "ZDC-01": 180,
  "MDY-01": 150,
  "JTB-01": 200,
  "ZMD-01": 2800,
  "YYS-1L": 1.5,
  "FBSP-01": 6,
  "FDJ-5KW": 5000,
};

const RIVERSIDE = new Set([
  "李家沱街道",
  "花溪街道",
  "鱼洞街道",
  "龙洲湾街道",
  "木洞镇",
  "双河口镇",
  "麻柳嘴镇",
]);

function straightKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** `optional`: quota categories to treat as not required (a what-if: the quotas are editable data). */
export function bananLayoutProblem(optional: string[] = []): LayoutProblem {
  const place = new Map<string, { lat: number; lon: number }>();
  for (const t of areas.townships) place.set(`T:${t.name}`, t);
  for (const j of roads.junctions) place.set(j.code, j);
  const seat = (township: string) => place.get(`T:${township}`) as { lat: number; lon: number };
  const sites = [
    ...reserves.warehouses.map((w) => ({ ...w, at: { lat: w.lat, lon: w.lon }, enterprise: false })),
    ...commerce.warehouses.map((w) => {
      const e = commerce.enterprises.find((x) => x.key === w.enterprise);
      return { ...w, at: e?.lat && e?.lon ? { lat: e.lat, lon: e.lon } : seat(w.township), enterprise: true };
    }),
  ];
  for (const w of sites) place.set(`W:${w.code}`, w.at);
  const speeds = roads.speedsKmh as Record<string, number>;
  const edges = roads.edges.map((e) => {
    const from = place.get(e.from) as { lat: number; lon: number };
    const to = place.get(e.to) as { lat: number; lon: number };
    const km = "km" in e && typeof e.km === "number" ? e.km : straightKm(from, to) * roads.detourFactor;
    return "minutes" in e && typeof e.minutes === "number"
      ? { from: e.from, to: e.to, km, minutes: e.minutes }
      : { from: e.from, to: e.to, km, speedKmh: speeds[e.class] as number };
  });

  const shortLived = new Set(
    reserves.items.filter((i) => (i.shelfLifeMonths ?? 99) <= 12).map((i) => i.code),
  );
  const stock = new Map<string, { quantity: number; movable: number }>();
  const hold = (warehouse: string, item: string, quantity: number, movable: boolean) => {
    const key = `${warehouse}|${item}`;
    const s = stock.get(key) ?? { quantity: 0, movable: 0 };
    s.quantity += quantity;
    if (movable) s.movable += quantity;
    stock.set(key, s);
  };
  // Government stock may move except short-lived lots, kept where they rotate out; enterprises keep their own.
  for (const r of reserves.receipts)
    for (const l of r.lines) hold(r.warehouse, l.item, l.quantity, !shortLived.has(l.item));
  for (const a of commerce.agreements)
    if (a.kind === "stock")
      for (const l of a.lines) if ("warehouse" in l) hold(l.warehouse, l.item, l.quantity, false);

  const itemOf = (category: string) => reserves.items.find((i) => i.category === category)?.code as string;
  const needPerPerson: Record<string, number> = {};
  const needPerHousehold: Record<string, number> = {};
  for (const q of quotas.quotas)
    if (q.required && !optional.includes(q.category) && q.seasonMonths === null) {
      if (q.basis === "household") needPerHousehold[itemOf(q.category)] = q.quantity * (q.days ?? 1);
      else needPerPerson[itemOf(q.category)] = (q.quantity / q.perPersons) * (q.days ?? 1);
    }

  const registers: TownshipRegister[] = areas.townships.map((t) => {
    const node = `T:${t.name}`;
    const first = roads.edges.find((e) => e.from === node || e.to === node);
    const degree = roads.edges.filter((e) => e.from === node || e.to === node).length;
    const urban = t.kind === "subdistrict";
    return {
      areaId: t.name,
      node,
      population: t.population,
      householdSize: t.householdSize,
      risks: [
        ...(RIVERSIDE.has(t.name) ? [{ hazard: "flood" as const, shareOfResidents: 0.03, weight: 1 }] : []),
        ...(!urban
          ? [
              {
                hazard: "landslide" as const,
                shareOfResidents: 0.02,
                weight: 0.8,
                ...(first && degree > 1 ? { closedRoads: [{ from: first.from, to: first.to }] } : {}),
              },
            ]
          : [{ hazard: "fire" as const, relocated: 500, weight: 0.5 }]),
        { hazard: "earthquake" as const, shareOfResidents: 0.01, weight: 0.2 },
      ],
    };
  });

  return {
    deadlineMinutes: 600,
    serviceMinutes: 20,
    warehouses: sites.map((w) => ({
      id: w.code,
      node: `W:${w.code}`,
      capacityM3: w.capacityM3,
      loadMinutes: w.loadMinutes,
      // Government stock is not moved or bought into an enterprise's own site.
      ...(w.enterprise ? { receives: false } : {}),
    })),
    items: reserves.items.map((i) => ({
      id: i.code,
      kg: i.kgPerUnit,
      m3: i.m3PerUnit,
      priceYuan: PRICES[i.code] as number,
    })),
    stock: [...stock].map(([key, s]) => {
      const [warehouseId, itemId] = key.split("|") as [string, string];
      return { warehouseId, itemId, ...s };
    }),
    fleet: Object.values(
      fleet.vehicles
        .filter((v) => v.status === "available")
        .reduce<Record<string, NonNullable<LayoutProblem["fleet"]>[number]>>((all, v) => {
          const key = `${v.home}|${v.type}`;
          const truck = TRUCKS[v.type as keyof typeof TRUCKS];
          all[key] = { warehouseId: v.home, count: (all[key]?.count ?? 0) + 1, ...truck };
          return all;
        }, {}),
    ),
    network: { nodes: [...place.keys()].map((id) => ({ id })), edges },
    scenarios: buildScenarios(registers, { needPerPerson, needPerHousehold }),
  };
}
