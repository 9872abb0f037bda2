/**
 * pnpm bench:layout-server — the reserve layout as the server runs it, on the seeded Banan database (its risk
 * register, stock, fleet and roads, unlike bench:layout's problem built from fixtures/banan): the problem read
 * from the database, then evaluation, advice with N truckloads and its confirmation by the full planner, each
 * through the layout worker pool (thread start included in the first call). The planner package cannot read
 * the database, so this is a bench of its own beside bench:layout.
 *
 *   pnpm bench:layout-server [--truckloads 20] [--budget 0]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateDatabase, openDatabase, users } from "@relief/db";
import { eq } from "drizzle-orm";
import { adviseLayout, confirmAdvice, evaluateCurrentLayout } from "../layout/advice";
import { createLayoutPool } from "../layout/pool";
import { readLayoutInputs } from "../layout/problem";
import { seedBanan } from "../seed/banan";
import { time } from "./support";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { truckloads: { type: "string", default: "20" }, budget: { type: "string", default: "0" } },
});
const TRUCKLOADS = Number(values.truckloads);
const BUDGET = Number(values.budget);

const dir = mkdtempSync(path.join(tmpdir(), "relief-bench-layout-"));
const database = openDatabase(path.join(dir, "bench.db"));
migrateDatabase(database.db);
await seedBanan({ ctx: { db: database.db, actor: null } });
const user = database.db.select().from(users).where(eq(users.username, "minzheng")).get();
if (!user) throw new Error("the Banan seed has no civil affairs user");
const now = new Date();
const ctx = {
  db: database.db,
  actor: { userId: user.id, username: user.username, role: user.role },
  now: () => now,
};
const runner = createLayoutPool();

const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  return [await f(), performance.now() - t0];
};
const read = time(() => readLayoutInputs(database.db, now.toISOString()));
const [, coldMs] = await timed(() => evaluateCurrentLayout({ ctx, runner }));
const [evaluation, evaluateMs] = await timed(() => evaluateCurrentLayout({ ctx, runner }));
const [advice, adviseMs] = await timed(() =>
  adviseLayout({
    ctx,
    input: { maxTruckloads: TRUCKLOADS, ...(BUDGET > 0 ? { budgetYuan: BUDGET } : {}) },
    runner,
  }),
);
const [confirmed, confirmMs] = await timed(() =>
  confirmAdvice({ ctx, input: { adviceId: advice.adviceId }, runner }),
);
await runner.close();

const p = read.result.problem;
console.log(
  `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}\n`,
);
console.log(
  `Banan database: ${p.scenarios.length} scenarios, ${p.warehouses.length} warehouses, ${p.items.length} items, ${p.fleet.reduce((s, v) => s + v.count, 0)} vehicles, ${p.network?.nodes.length} nodes / ${p.network?.edges.length} roads; advice with ${TRUCKLOADS} truckloads${BUDGET > 0 ? ` and ${BUDGET.toLocaleString("en")} yuan` : ""}\n`,
);
// The baseline: the full planner over every scenario of one layout (confirm replans two: the advised and today's).
const baselineMs = confirmMs / 2;
const row = (step: string, ms: number) =>
  console.log(`| ${step} | ${ms.toFixed(0)} | ${(ms / baselineMs).toFixed(2)} |`);
console.log("| step (server path, layout worker pool) | ms | × planner, one layout |");
console.log("| --- | --- | --- |");
row("read the layout problem from the database", read.ms);
row("evaluate, first call (thread start, HiGHS loading)", coldMs);
row("evaluate, every scenario (flow bound)", evaluateMs);
row(
  `advise, ${TRUCKLOADS} truckloads${BUDGET > 0 ? ` + ${BUDGET.toLocaleString("en")} yuan` : ""}`,
  adviseMs,
);
row("confirm: the full planner on every scenario, after and before", confirmMs);
row("baseline: the full planner on every scenario of one layout", baselineMs);

const c = confirmed.confirmation;
if (!c) throw new Error("no confirmation");
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
console.log(
  `\n| layout / rule | worst scenario (share) | weighted mean share | people served, all scenarios |\n| --- | --- | --- | --- |`,
);
const line = (label: string, worst: typeof c.worstPlanned, mean: number, served: number) =>
  console.log(`| ${label} | ${worst?.scenarioId} ${pct(worst?.share ?? 1)} | ${pct(mean)} | ${served} |`);
line(
  "now, flow bound",
  evaluation.worst,
  evaluation.weightedMean.share,
  sum(c.scenarios.map((s) => s.boundBefore)),
);
line(
  "now, planner",
  c.before.worstPlanned,
  c.before.weightedMeanPlanned.share,
  sum(c.scenarios.map((s) => s.plannedBefore)),
);
line(
  "advised, flow bound",
  advice.after.worst,
  advice.after.weightedMean.share,
  sum(c.scenarios.map((s) => s.boundAfter)),
);
line("advised, planner", c.worstPlanned, c.weightedMeanPlanned.share, sum(c.scenarios.map((s) => s.planned)));
const gaps = c.scenarios
  .map((s) => ({ ...s, gap: s.people === 0 ? 0 : (s.boundAfter - s.planned) / s.people }))
  .filter((s) => s.gap > 0)
  .sort((a, b) => b.gap - a.gap);
console.log(
  `\nadvice: ${advice.transfers.length} transfers in ${sum(advice.truckloads.map((l) => l.loads))} truckloads, ${advice.purchases.length} purchase lines`,
);
console.log(
  `planner below the bound on the advised layout: ${gaps.length} of ${c.scenarios.length} scenarios${gaps
    .slice(0, 5)
    .map((s) => `; ${s.id} ${s.boundAfter} → ${s.planned} (${pct(s.gap)} of ${s.people})`)
    .join("")}`,
);
const above = c.scenarios.filter((s) => s.planned > s.boundAfter || s.plannedBefore > s.boundBefore);
console.log(
  `planner above the bound: ${above.length === 0 ? "never" : above.map((s) => s.id).join(", ")}; searches ended by the time limit: ${c.stoppedByTime}`,
);
database.close();
rmSync(dir, { recursive: true, force: true });
process.exitCode = above.length === 0 ? 0 : 1;
