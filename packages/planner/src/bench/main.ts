import { existsSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkPlan } from "../check";
import { plan } from "../solve";
import { scaleBound, scaleProblem } from "./scale";
import { readBestKnown, readSolomon, solomonProblem } from "./solomon";

const USAGE = `usage: pnpm bench:planner [--instances C101,R101] [--class R1] [--time-limit ms] [--seed n]
                          [--iterations n] [--skip-scale | --scale-only] [--scale-time-limit ms]

Solves the Solomon VRPTW instances (objective "distance") and compares with the best-known distance-only
results, then runs the scale benchmark. The instances are read from ../shared/benchmarks/solomon beside the
repository, or from RELIEF_SOLOMON_DIR. With --iterations, each instance runs exactly that many search
iterations (the time limit then only guards against a stuck run): the figures no longer depend on the machine's
speed or load, only the times do.`;

const CLASSES = ["C1", "C2", "R1", "R2", "RC1", "RC2"];

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: {
      instances: { type: "string" },
      class: { type: "string" },
      "time-limit": { type: "string", default: "1000" },
      seed: { type: "string", default: "1" },
      iterations: { type: "string" },
      "skip-scale": { type: "boolean" },
      "scale-only": { type: "boolean" },
      "scale-time-limit": { type: "string", default: "10000" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const timeLimit = Number(values["time-limit"]);
  const seed = Number(values.seed);
  // Other work on the machine slows the search down: say how busy it was.
  const load = loadavg().map((x) => x.toFixed(2));
  console.log(
    `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}, ` +
      `load average ${load.join(" ")}\n`,
  );
  let ok = true;
  const iterations = values.iterations === undefined ? undefined : Number(values.iterations);
  if (!values["scale-only"]) ok = solomon(values.instances, values.class, timeLimit, seed, iterations) && ok;
  if (!values["skip-scale"]) ok = (await scale(Number(values["scale-time-limit"]), seed)) && ok;
  return ok ? 0 : 1;
}

function classOf(name: string): string {
  return name.replace(/\d{2}$/, "");
}

function solomon(
  only: string | undefined,
  cls: string | undefined,
  timeLimit: number,
  seed: number,
  iterations: number | undefined,
): boolean {
  const repo = fileURLToPath(new URL("../../../../", import.meta.url));
  const dir = process.env.RELIEF_SOLOMON_DIR ?? resolve(repo, "../shared/benchmarks/solomon");
  if (!existsSync(resolve(dir, "bks.csv"))) {
    console.error(`Solomon instances not found in ${dir} (set RELIEF_SOLOMON_DIR)`);
    return false;
  }
  const bks = readBestKnown(dir);
  let names = [...bks.keys()];
  if (only) names = only.split(",").map((s) => s.trim().toUpperCase());
  if (cls) names = names.filter((n) => classOf(n) === cls.toUpperCase());
  const budget = iterations === undefined ? `${timeLimit} ms` : `${iterations} iterations`;
  console.log(`Solomon VRPTW, objective "distance", ${budget} per instance, seed ${seed}`);
  console.log("gap = distance / best-known distance-only result - 1 (bks.csv: dist_obj_distance)\n");
  const header = [
    "instance",
    "vehicles",
    "distance",
    "best known",
    "bk vehicles",
    "gap %",
    "time ms",
    "iterations",
  ];
  const rows: string[][] = [];
  const results: { name: string; gap: number; ms: number }[] = [];
  let ok = true;
  for (const name of names) {
    const best = bks.get(name);
    if (!best) {
      console.error(`unknown instance ${name}`);
      ok = false;
      continue;
    }
    const problem = solomonProblem(
      readSolomon(dir, name),
      iterations === undefined ? timeLimit : 600_000,
      seed,
    );
    if (iterations !== undefined) problem.maxIterations = iterations;
    const result = plan(problem);
    const errors = checkPlan(problem, result);
    if (errors.length > 0 || result.summary.peopleServed !== result.summary.people) {
      console.error(`${name}: invalid plan\n  ${errors.slice(0, 5).join("\n  ")}`);
      ok = false;
    }
    const gap = (result.summary.totalKm / best.distance - 1) * 100;
    results.push({ name, gap, ms: result.summary.computeMs });
    rows.push([
      name,
      String(result.summary.vehiclesUsed),
      result.summary.totalKm.toFixed(2),
      best.distance.toFixed(2),
      String(best.vehicles),
      percent(gap),
      result.summary.computeMs.toFixed(0),
      String(result.stats.iterations),
    ]);
    process.stdout.write(
      `${table(rows.length === 1 ? [header, ...rows] : rows.slice(-1), rows.length === 1)}\n`,
    );
  }
  const summary: string[][] = [["class", "instances", "mean gap %", "mean time ms"]];
  const line = (label: string, list: typeof results) => {
    if (list.length === 0) return;
    const mean = (f: (r: (typeof list)[number]) => number) =>
      list.reduce((s, r) => s + f(r), 0) / list.length;
    summary.push([label, String(list.length), percent(mean((r) => r.gap)), mean((r) => r.ms).toFixed(0)]);
  };
  for (const c of CLASSES)
    line(
      c,
      results.filter((r) => classOf(r.name) === c),
    );
  line("all", results);
  console.log(`\n${table(summary, true)}\n`);
  return ok;
}

async function scale(timeLimit: number, seed: number): Promise<boolean> {
  const t0 = performance.now();
  const problem = scaleProblem(seed, timeLimit);
  const made = performance.now() - t0;
  console.log(
    `Scale: ${problem.demands.length} demand points, ${problem.depots.length} depots, ` +
      `${problem.vehicles.reduce((s, v) => s + (v.count ?? 1), 0)} vehicles, ` +
      `${problem.network?.nodes.length} nodes / ${problem.network?.edges.length} edges, ${problem.items.length} items, ` +
      `time limit ${timeLimit} ms (problem generated in ${made.toFixed(0)} ms)`,
  );
  const result = plan(problem);
  const p = result.stats.phases;
  const t1 = performance.now();
  const errors = checkPlan(problem, result);
  const checked = performance.now() - t1;
  const s = result.summary;
  console.log(
    table(
      [
        ["phase", "ms"],
        ["validation + shortest paths", p.paths.toFixed(0)],
        ["construction + first local search", p.construction.toFixed(0)],
        ["search", p.search.toFixed(0)],
        ["total", s.computeMs.toFixed(0)],
        ["(independent check)", checked.toFixed(0)],
      ],
      true,
    ),
  );
  console.log(
    `people served ${s.peopleServed} of ${s.people} (${((100 * s.peopleServed) / s.people).toFixed(1)} %), ` +
      `latest arrival ${s.latestArrivalMinutes?.toFixed(1)} min, ${s.totalKm.toFixed(0)} km, ` +
      `${s.vehiclesUsed} vehicles, ${result.routes.length} trips, ${result.stats.iterations} iterations`,
  );
  if (errors.length > 0) console.error(`invalid plan:\n  ${errors.slice(0, 5).join("\n  ")}`);
  const bound = await scaleBound(problem);
  console.log(
    `flow bound: at most ${bound.people} of ${s.people} people (${((100 * bound.people) / s.people).toFixed(1)} %) ` +
      `can be equipped by the deadline; the plan reaches ${((100 * s.peopleServed) / bound.people).toFixed(1)} % ` +
      `of the bound (bound over ${bound.sites} areas of 7.5 × 7.5 km, ${bound.ms.toFixed(0)} ms)`,
  );
  return errors.length === 0 && s.peopleServed <= bound.people;
}

/** Two decimals, without the "-0.00" that rounding a tiny negative gap would print. */
function percent(x: number): string {
  return Math.abs(x) < 0.005 ? "0.00" : x.toFixed(2);
}

function table(rows: string[][], withHeader: boolean): string {
  const widths = [10, 9, 10, 11, 12, 8, 8, 11];
  const fmt = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 12) : c.padStart(widths[i] ?? 12))).join(" ");
  return (withHeader ? [fmt(rows[0] as string[]), ...rows.slice(1).map(fmt)] : rows.map(fmt)).join("\n");
}

process.exitCode = await main();
