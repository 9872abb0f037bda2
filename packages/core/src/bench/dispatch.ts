/**
 * pnpm bench:dispatch — a district-wide flood on the Banan demo data: all 23 townships affected, 1 % of each
 * township's residents relocated, planned over the Banan road network with the demo fleet and stock. Prints
 * the database read (building the planner's problem), the shortest paths and the search, against the same
 * phases for the story's two townships measured in the same run (the baseline), and one plan through the
 * planner's worker thread as the server runs it.
 *
 *   pnpm bench:dispatch [--runs 3] [--seed 1]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { areas, migrateDatabase, openDatabase, users } from "@relief/db";
import { PLAN_BUDGET } from "@relief/domain";
import { plan } from "@relief/planner";
import { eq } from "drizzle-orm";
import { planDispatch } from "../dispatch/plan";
import { createPlanPool } from "../dispatch/pool";
import { buildProblem, NO_OPTIONS } from "../dispatch/problem";
import { PLANNING_SOURCES } from "../dispatch/sources";
import { createIncident } from "../incidents/create";
import { seedBanan } from "../seed/banan";
import { time } from "./support";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "3" }, seed: { type: "string", default: "1" } },
});
const RUNS = Number(values.runs);
const SEED = Number(values.seed);

const dir = mkdtempSync(path.join(tmpdir(), "relief-bench-dispatch-"));
const database = openDatabase(path.join(dir, "bench.db"));
migrateDatabase(database.db);
await seedBanan({ ctx: { db: database.db, actor: null } });
const dispatcher = database.db.select().from(users).where(eq(users.username, "diaodu")).get();
if (!dispatcher) throw new Error("the Banan seed has no dispatcher");
const actor = { userId: dispatcher.id, username: dispatcher.username, role: dispatcher.role };
const now = new Date();
const ctx = { db: database.db, actor, now: () => now };
const townships = database.db.select().from(areas).where(eq(areas.level, "township")).all();
/** 1 % of each township's residents relocated. */
const flood = (names: string[] | null) =>
  createIncident({
    ctx,
    input: {
      type: "flood",
      title: "洪涝（基准测试）",
      drill: true,
      startedAt: new Date(now.getTime() - 10 * 60_000).toISOString(),
      areas: townships
        .filter((t) => names === null || names.includes(t.name))
        .map((t) => {
          const relocated = Math.round((t.population ?? 0) * 0.01);
          return { areaId: t.id, affected: relocated * 3, relocated };
        }),
    },
  }).id;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The phases of planning one incident: database read (9 runs), then paths and search (RUNS plans). */
function measure(incidentId: number) {
  const build = () => buildProblem(database.db, incidentId, NO_OPTIONS, now.toISOString(), PLANNING_SOURCES);
  build();
  const reads = Array.from({ length: 9 }, () => time(build).ms);
  const built = build();
  const problem = {
    ...built.problem,
    seed: SEED,
    maxIterations: PLAN_BUDGET.iterations,
    timeLimitMs: 60_000,
  };
  const plans = Array.from({ length: RUNS }, () => plan(problem));
  return {
    problem,
    plans,
    reads,
    paths: plans.map((r) => r.stats.phases.paths),
    search: plans.map((r) => r.stats.phases.construction + r.stats.phases.search),
  };
}

// The baseline: the story's two townships (木洞镇 and 麻柳嘴镇), measured in the same run.
const story = measure(flood(["木洞镇", "麻柳嘴镇"]));
const districtId = flood(null);
const district = measure(districtId);
const runner = createPlanPool();
const pooledStart = performance.now();
const pooled = await planDispatch({ ctx, input: { incidentId: districtId, seed: SEED } }, { runner });
const pooledMs = performance.now() - pooledStart;
await runner.close();

const row = (label: string, base: number[], xs: number[]) =>
  console.log(
    `| ${label} | ${median(base).toFixed(1)} ms | ${median(xs).toFixed(1)} ms | ${Math.min(...xs).toFixed(1)} ms | ${Math.max(...xs).toFixed(1)} ms | ${(median(xs) / median(base)).toFixed(1)} |`,
  );
const p = district.problem;
console.log(
  `\nDispatch benchmark: ${p.demands.length} affected townships (${p.demands.reduce((s, d) => s + d.people, 0).toLocaleString()} relocated people), ${p.depots.length} depots, ${p.vehicles.length} vehicles, ${p.items.length} items, ${p.network?.nodes.length} road nodes and ${p.network?.edges.length} edges; ${PLAN_BUDGET.iterations.toLocaleString()} search iterations, seed ${SEED}, ${RUNS} runs. Baseline: the same phases for 木洞镇 and 麻柳嘴镇 alone.\n`,
);
console.log("| phase | baseline (2 townships) | district-wide median | min | max | ratio to baseline |");
console.log("| --- | --- | --- | --- | --- | --- |");
row(
  "database read: the planner's problem (stock, agreements, fleet, needs, roads)",
  story.reads,
  district.reads,
);
row("shortest paths (validation included)", story.paths, district.paths);
row(
  `search: construction + ${PLAN_BUDGET.iterations.toLocaleString()} iterations + polish`,
  story.search,
  district.search,
);
console.log(
  `\ndispatch.plan through the planner's worker thread, thread start included: ${pooledMs.toFixed(0)} ms (stopped by the ${PLAN_BUDGET.timeLimitMs / 1000} s cap: ${pooled.stoppedByTime ? "yes" : "no"})`,
);
const first = district.plans[0];
if (first)
  console.log(
    `plan: ${first.summary.peopleServed.toLocaleString()} of ${first.summary.people.toLocaleString()} people served, latest arrival at minute ${first.summary.latestArrivalMinutes?.toFixed(0) ?? "—"} of ${p.deadlineMinutes.toFixed(0)}, ${first.summary.vehiclesUsed} vehicles, ${first.summary.totalKm.toFixed(0)} km`,
  );
const same = district.plans.every((x) => JSON.stringify(x.routes) === JSON.stringify(first?.routes));
console.log(`same plan in every run (same data and seed): ${same ? "yes" : "NO"}`);
database.close();
rmSync(dir, { recursive: true, force: true });
