import { z } from "zod";

/**
 * The planner's input format. Every number a caller can get wrong is checked here, and every id is checked
 * against what it refers to, so the solver only ever sees a consistent problem.
 */

const id = z.string().min(1, "must be a non-empty id");
const amount = z.number().finite().nonnegative();
const positive = z.number().finite().positive();
/** Quantities are whole base units (pieces, litres, kg): packs are converted before planning. */
const quantity = z.number().int().nonnegative();

export const itemSchema = z.strictObject({
  id,
  /** Weight of one unit. */
  kg: amount,
  /** Volume of one unit. */
  m3: amount,
});

export const networkNodeSchema = z.strictObject({
  id,
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});

export const networkEdgeSchema = z.strictObject({
  from: id,
  to: id,
  /** Free-flow travel time; when absent, km / speedKmh × 60. */
  minutes: amount.optional(),
  /** Length, for the km figures; an edge without it counts as 0 km. */
  km: amount.optional(),
  speedKmh: positive.optional(),
  oneWay: z.boolean().optional(),
  closed: z.boolean().optional(),
  /** 0.5 = half speed (damage, congestion); divides the travel time. */
  speedFactor: positive.optional(),
});

export const networkSchema = z.strictObject({
  nodes: z.array(networkNodeSchema),
  edges: z.array(networkEdgeSchema),
});

export const matrixSchema = z.strictObject({
  nodes: z.array(id),
  /** minutes[i][j]: travel time from nodes[i] to nodes[j]; null = no way through. */
  minutes: z.array(z.array(amount.nullable())),
  km: z.array(z.array(amount.nullable())).optional(),
});

export const depotSchema = z.strictObject({
  id,
  node: id,
  /** Loading time before every trip that leaves this depot. */
  loadMinutes: amount,
  stock: z.record(z.string(), quantity),
});

export const vehicleSchema = z.strictObject({
  id,
  depot: id,
  /** n identical vehicles, named id#1 … id#n. */
  count: z.number().int().positive().optional(),
  capacityKg: positive,
  capacityM3: positive.optional(),
  speedFactor: positive.optional(),
  availableAtMinutes: amount.optional(),
  /** When set, the vehicle must be back at its depot by then. */
  maxEndMinutes: amount.optional(),
});

export const demandSchema = z.strictObject({
  id,
  node: id,
  people: z.number().int().nonnegative(),
  /** Whole units per item (people × quota, computed by the caller). */
  need: z.record(z.string(), quantity),
  serviceMinutes: amount.optional(),
  /** Service must start within [from, to]. */
  window: z.tuple([amount, amount]).optional(),
});

export const planningProblemSchema = z
  .strictObject({
    deadlineMinutes: amount,
    objective: z.enum(["relief", "distance"]).optional(),
    splitDeliveries: z.boolean().optional(),
    maxTripsPerVehicle: z.number().int().positive().optional(),
    timeLimitMs: amount.optional(),
    /** Stops the search after this many iterations: with it, a run is reproducible on any machine. */
    maxIterations: z.number().int().nonnegative().optional(),
    seed: z.number().int().optional(),
    items: z.array(itemSchema).min(1, "at least one item is needed"),
    network: networkSchema.optional(),
    matrix: matrixSchema.optional(),
    depots: z.array(depotSchema),
    vehicles: z.array(vehicleSchema),
    demands: z.array(demandSchema),
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
    const items = unique(p.items, "items");
    const depots = unique(p.depots, "depots");
    unique(p.vehicles, "vehicles");
    unique(p.demands, "demands");

    let nodes: Set<string> | undefined;
    if (p.network && p.matrix) issue(["matrix"], "give either a network or a matrix, not both");
    else if (!p.network && !p.matrix)
      issue(["network"], "a road network or a travel-time matrix is required");
    if (p.network) {
      const ids = new Set<string>();
      nodes = ids;
      p.network.nodes.forEach((n, i) => {
        if (ids.has(n.id)) issue(["network", "nodes", i, "id"], `duplicate node "${n.id}"`);
        ids.add(n.id);
      });
      p.network.edges.forEach((e, i) => {
        if (!ids.has(e.from)) issue(["network", "edges", i, "from"], `unknown node "${e.from}"`);
        if (!ids.has(e.to)) issue(["network", "edges", i, "to"], `unknown node "${e.to}"`);
        if (e.minutes === undefined && (e.km === undefined || e.speedKmh === undefined))
          issue(["network", "edges", i], "an edge needs minutes, or km with speedKmh");
      });
    }
    if (p.matrix) {
      const m = p.matrix;
      const ids = new Set<string>();
      nodes = ids;
      m.nodes.forEach((n, i) => {
        if (ids.has(n)) issue(["matrix", "nodes", i], `duplicate node "${n}"`);
        ids.add(n);
      });
      const square = (rows: (number | null)[][], key: string) => {
        if (rows.length !== m.nodes.length)
          issue(["matrix", key], `expected ${m.nodes.length} rows, one per node, got ${rows.length}`);
        rows.forEach((row, i) => {
          if (row.length !== m.nodes.length)
            issue(["matrix", key, i], `expected ${m.nodes.length} columns, got ${row.length}`);
        });
      };
      square(m.minutes, "minutes");
      if (m.km) square(m.km, "km");
    }

    // Without a network or matrix every node would be unknown: one issue about the missing roads is enough.
    const known = (node: string) => nodes === undefined || nodes.has(node);
    p.depots.forEach((d, i) => {
      if (!known(d.node)) issue(["depots", i, "node"], `unknown node "${d.node}"`);
      for (const k of Object.keys(d.stock))
        if (!items.has(k)) issue(["depots", i, "stock", k], `unknown item "${k}"`);
    });
    p.vehicles.forEach((v, i) => {
      if (!depots.has(v.depot)) issue(["vehicles", i, "depot"], `unknown depot "${v.depot}"`);
      if (v.maxEndMinutes !== undefined && v.maxEndMinutes < (v.availableAtMinutes ?? 0))
        issue(["vehicles", i, "maxEndMinutes"], "must not be earlier than availableAtMinutes");
    });
    p.demands.forEach((d, i) => {
      if (!known(d.node)) issue(["demands", i, "node"], `unknown node "${d.node}"`);
      for (const k of Object.keys(d.need))
        if (!items.has(k)) issue(["demands", i, "need", k], `unknown item "${k}"`);
      if (d.window && d.window[0] > d.window[1])
        issue(["demands", i, "window"], "the window opens after it closes");
    });
  });

export type PlanningProblem = z.input<typeof planningProblemSchema>;
export type ValidProblem = z.output<typeof planningProblemSchema>;

export interface ProblemIssue {
  /** Where in the input, e.g. "vehicles[2].depot". */
  path: string;
  message: string;
}

export class ProblemError extends Error {
  constructor(readonly issues: ProblemIssue[]) {
    super(`invalid planning problem:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
    this.name = "ProblemError";
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(problem)" : out;
}

/** Validates a problem; throws a ProblemError that names the path of every mistake. */
export function parseProblem(input: unknown): ValidProblem {
  const result = planningProblemSchema.safeParse(input);
  if (result.success) return result.data;
  throw new ProblemError(result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
}
