import { z } from "zod";
import { formatPath, matrixSchema, networkSchema, ProblemError } from "../schema";

/**
 * The input of the layout engine: where the district's stock sits, what moves it (the fleet) and over which
 * roads, and the scenarios it must answer. Everything here is data the core reads from the database; the
 * engine knows no table and no display text.
 */

const id = z.string().min(1, "must be a non-empty id");
const amount = z.number().finite().nonnegative();
const positive = z.number().finite().positive();
const quantity = z.number().int().nonnegative();

export const HAZARDS = ["flood", "landslide", "earthquake", "fire", "district"] as const;
/** `landslide` stands for landslide and debris flow (地质灾害); `district` for the district-wide 10 % case. */
export type Hazard = (typeof HAZARDS)[number];

/** A road closed in a scenario: every edge between the two nodes, in either direction. */
export const roadRefSchema = z.strictObject({ from: id, to: id });
export type RoadRef = z.infer<typeof roadRefSchema>;

export const layoutWarehouseSchema = z.strictObject({
  id,
  node: id,
  capacityM3: amount,
  /** Loading before every trip that leaves this warehouse. */
  loadMinutes: amount,
  /** Whether advice may move or buy stock into it (default true; false for an enterprise's own site). */
  receives: z.boolean().optional(),
});

export const layoutItemSchema = z.strictObject({
  id,
  kg: amount,
  m3: amount,
  /** Yuan per base unit; an item without a price is never bought. */
  priceYuan: positive.optional(),
});

export const layoutStockSchema = z.strictObject({
  warehouseId: id,
  itemId: id,
  quantity,
  /**
   * How much of it may move: the caller keeps back what must stay (short-shelf-life lots kept where they
   * rotate out, reserved or held stock).
   */
  movable: quantity,
});

export const layoutVehicleSchema = z.strictObject({
  /** The warehouse the vehicles load at. */
  warehouseId: id,
  count: z.number().int().positive(),
  capacityKg: positive,
  capacityM3: positive.optional(),
  speedFactor: positive.optional(),
});

export const scenarioSiteSchema = z.strictObject({
  node: id,
  areaId: id.optional(),
  people: z.number().int().nonnegative(),
  /**
   * Sites of one group count as one place in the flow bound (their people add up; each warehouse is as near
   * as the nearest of them): a looser but much smaller bound for scenarios of hundreds of sites.
   */
  group: z.string().optional(),
});

export const layoutScenarioSchema = z.strictObject({
  id,
  hazard: z.enum(HAZARDS),
  /** The township of a township scenario; absent for district-wide ones. */
  areaId: id.optional(),
  sites: z.array(scenarioSiteSchema).min(1, "a scenario needs at least one site"),
  /** Units of each item one person needs (quota ÷ persons per unit: ⅓ tent, 1 quilt, 9 L water). */
  needPerPerson: z.record(z.string(), amount),
  /** Likelihood weight in the weighted mean. */
  weight: amount,
  closedRoads: z.array(roadRefSchema).optional(),
});

export const layoutProblemSchema = z
  .strictObject({
    deadlineMinutes: amount,
    /** Minutes spent at each stop before the truck leaves (default 0). */
    serviceMinutes: amount.optional(),
    warehouses: z.array(layoutWarehouseSchema),
    items: z.array(layoutItemSchema).min(1, "at least one item is needed"),
    stock: z.array(layoutStockSchema),
    fleet: z.array(layoutVehicleSchema),
    network: networkSchema.optional(),
    matrix: matrixSchema.optional(),
    scenarios: z.array(layoutScenarioSchema),
  })
  .superRefine((p, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", message, path });
    const unique = (list: { id: string }[], key: string) => {
      const seen = new Set<string>();
      list.forEach((x, i) => {
        if (seen.has(x.id)) issue([key, i, "id"], `duplicate id "${x.id}"`);
        seen.add(x.id);
      });
      return seen;
    };
    const warehouses = unique(p.warehouses, "warehouses");
    const items = unique(p.items, "items");
    unique(p.scenarios, "scenarios");
    if (!p.network === !p.matrix) issue(["network"], "give either a road network or a travel-time matrix");
    const nodes = new Set(p.network ? p.network.nodes.map((n) => n.id) : (p.matrix?.nodes ?? []));
    p.warehouses.forEach((w, i) => {
      if (!nodes.has(w.node)) issue(["warehouses", i, "node"], `unknown node "${w.node}"`);
    });
    const pairs = new Set<string>();
    p.stock.forEach((s, i) => {
      if (!warehouses.has(s.warehouseId))
        issue(["stock", i, "warehouseId"], `unknown warehouse "${s.warehouseId}"`);
      if (!items.has(s.itemId)) issue(["stock", i, "itemId"], `unknown item "${s.itemId}"`);
      if (s.movable > s.quantity) issue(["stock", i, "movable"], "must not exceed the quantity");
      const key = `${s.warehouseId}\u0000${s.itemId}`;
      if (pairs.has(key)) issue(["stock", i], "the same warehouse and item twice");
      pairs.add(key);
    });
    p.fleet.forEach((v, i) => {
      if (!warehouses.has(v.warehouseId))
        issue(["fleet", i, "warehouseId"], `unknown warehouse "${v.warehouseId}"`);
    });
    p.scenarios.forEach((s, i) => {
      s.sites.forEach((site, j) => {
        if (!nodes.has(site.node)) issue(["scenarios", i, "sites", j, "node"], `unknown node "${site.node}"`);
      });
      for (const k of Object.keys(s.needPerPerson))
        if (!items.has(k)) issue(["scenarios", i, "needPerPerson", k], `unknown item "${k}"`);
      if (s.closedRoads && !p.network)
        issue(["scenarios", i, "closedRoads"], "closed roads need a road network, not a matrix");
      s.closedRoads?.forEach((r, j) => {
        for (const end of ["from", "to"] as const)
          if (!nodes.has(r[end])) issue(["scenarios", i, "closedRoads", j, end], `unknown node "${r[end]}"`);
      });
    });
  });

export type LayoutProblem = z.input<typeof layoutProblemSchema>;
export type ValidLayoutProblem = z.output<typeof layoutProblemSchema>;
export type LayoutScenario = z.infer<typeof layoutScenarioSchema>;

/** Stock per warehouse and item: Record<warehouseId, Record<itemId, units>>. */
export type Layout = Record<string, Record<string, number>>;

export function parseLayoutProblem(input: unknown): ValidLayoutProblem {
  const result = layoutProblemSchema.safeParse(input);
  if (result.success) return result.data;
  throw new ProblemError(result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
}

/** The layout the problem describes: its stock, per warehouse and item. */
export function currentLayout(problem: LayoutProblem): Layout {
  const layout: Layout = {};
  for (const s of problem.stock) {
    const row = layout[s.warehouseId] ?? {};
    row[s.itemId] = (row[s.itemId] ?? 0) + s.quantity;
    layout[s.warehouseId] = row;
  }
  return layout;
}
