import { availableParallelism, cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { adviseLayout } from "../layout/advise";
import { evaluateLayout, type LayoutEvaluation, summarise } from "../layout/evaluate";
import { scenarioProblem } from "../layout/planner";
import { currentLayout, type Layout, type LayoutProblem, parseLayoutProblem } from "../layout/schema";
import { plan } from "../solve";
import { bananLayoutProblem } from "./banan";

const USAGE = `usage: pnpm bench:layout [--truckloads 20] [--budget 2000000] [--iterations 1000]
                         [--optional folding_bed,...] [--deadline 600]

Times the layout engine on a Banan-sized problem built from fixtures/banan (bench/banan.ts): the flow bound on
every scenario, advice with N truckloads, then with a budget as well; and, as the baseline measured in the same
run, the full planner on every scenario before and after the advice (a fixed number of search iterations per
scenario, so its figures do not depend on the machine). --optional treats quota categories as not required; --deadline
changes the 600 minutes (a what-if in which reach, not only stock, binds).`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: {
      truckloads: { type: "string", default: "20" },
      budget: { type: "string", default: "2000000" },
      iterations: { type: "string", default: "1000" },
      optional: { type: "string", default: "" },
      deadline: { type: "string", default: "600" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const truckloads = Number(values.truckloads);
  const budget = Number(values.budget);
  const iterations = Number(values.iterations);
  const load = loadavg().map((x) => x.toFixed(2));
  console.log(
    `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}, ` +
      `load average ${load.join(" ")}\n`,
  );
  const optional = values.optional.split(",").filter((c) => c !== "");
  const problem = { ...bananLayoutProblem(optional), deadlineMinutes: Number(values.deadline) };
  const valid = parseLayoutProblem(problem);
  const vehicles = problem.fleet.reduce((s, v) => s + v.count, 0);
  console.log(
    `Banan: ${problem.scenarios.length} scenarios (${new Set(problem.scenarios.map((s) => s.areaId)).size - 1} ` +
      `townships + the district-wide 10 %), ${problem.warehouses.length} warehouses, ${problem.items.length} items, ` +
      `${vehicles} vehicles, ${problem.network?.nodes.length} nodes / ${problem.network?.edges.length} roads` +
      `, deadline ${problem.deadlineMinutes} min${optional.length > 0 ? `; not required: ${optional.join(", ")}` : ""}\n`,
  );

  const timed = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
    const t0 = performance.now();
    const out = await f();
    return [out, performance.now() - t0];
  };
  const [, cold] = await timed(() => evaluateLayout(problem));
  const [before, boundMs] = await timed(() => evaluateLayout(problem));
  const [plannedBefore, planMs] = await timed(() => planned(problem, currentLayout(valid), iterations));
  const [advice, adviseMs] = await timed(() => adviseLayout(problem, { maxTruckloads: truckloads }));
  const [plannedAfter] = await timed(() => planned(problem, advice.layout, iterations));
  const [bought, buyMs] = await timed(() =>
    adviseLayout(problem, { maxTruckloads: truckloads, budgetYuan: budget }),
  );
  const [plannedBought] = await timed(() => planned(problem, bought.layout, iterations));

  const ms = (x: number) => x.toFixed(0);
  console.log(
    table([
      ["step", "ms", "× planner on every scenario"],
      ["flow bound, every scenario (first call, HiGHS loading)", ms(cold), ratio(cold, planMs)],
      ["flow bound, every scenario", ms(boundMs), ratio(boundMs, planMs)],
      [`planner, every scenario (${iterations} iterations each)`, ms(planMs), "1.00"],
      [`advice, ${truckloads} truckloads`, ms(adviseMs), ratio(adviseMs, planMs)],
      [
        `advice, ${truckloads} truckloads + ${budget.toLocaleString("en")} yuan`,
        ms(buyMs),
        ratio(buyMs, planMs),
      ],
    ]),
  );
  console.log();
  const row = (label: string, e: LayoutEvaluation): string[] => [
    label,
    `${e.worst?.scenarioId} ${pct(e.worst?.share ?? 1)}`,
    pct(e.weightedMean.share),
    String(e.scenarios.reduce((s, o) => s + o.servedInTime, 0)),
  ];
  console.log(
    table([
      ["layout / rule", "worst scenario (share)", "weighted mean share", "people served, all scenarios"],
      row("now, flow bound", before),
      row("now, planner", plannedBefore),
      row(`${truckloads} truckloads, flow bound`, advice.after),
      row(`${truckloads} truckloads, planner`, plannedAfter),
      row("+ purchases, flow bound", bought.after),
      row("+ purchases, planner", plannedBought),
    ]),
  );
  const servedRatio = (p: LayoutEvaluation, b: LayoutEvaluation) =>
    pct(
      p.scenarios.reduce((s, o) => s + o.servedInTime, 0) /
        b.scenarios.reduce((s, o) => s + o.servedInTime, 0),
    );
  console.log(
    `\nplanner ÷ bound, people served over all scenarios: now ${servedRatio(plannedBefore, before)}, ` +
      `after ${truckloads} truckloads ${servedRatio(plannedAfter, advice.after)}, ` +
      `after purchases ${servedRatio(plannedBought, bought.after)}`,
  );
  console.log(
    `advice: ${advice.transfers.length} transfers in ${advice.truckloads.reduce((s, l) => s + l.loads, 0)} ` +
      `truckloads; with the budget ${bought.transfers.length} transfers and ${bought.purchases.length} purchase ` +
      `lines for ${bought.purchases.reduce((s, p) => s + p.costYuan, 0).toLocaleString("en")} yuan, coverage ` +
      `${bought.coverage?.before} → ${bought.coverage?.after} of ${bought.coverage?.people} people`,
  );
  const broken = [plannedBefore, plannedAfter, plannedBought].some((p, k) =>
    p.scenarios.some(
      (o, s) => o.servedInTime > ([before, advice.after, bought.after][k]?.scenarios[s]?.servedInTime ?? 0),
    ),
  );
  if (broken) console.error("the planner served more than the flow bound on some scenario");
  return broken ? 1 : 0;
}

/** The full planner on every scenario of the layout, summarised by the same rules as the bound. */
function planned(problem: LayoutProblem, layout: Layout, iterations: number): LayoutEvaluation {
  const valid = parseLayoutProblem(problem);
  const outcomes = valid.scenarios.map((scenario) => {
    const result = plan(
      scenarioProblem(valid, layout, scenario, { maxIterations: iterations, timeLimitMs: 60_000, seed: 1 }),
    );
    const people = result.summary.people;
    return {
      id: scenario.id,
      hazard: scenario.hazard,
      people,
      servedInTime: result.summary.peopleServed,
      share: people === 0 ? 1 : result.summary.peopleServed / people,
    };
  });
  return summarise(
    outcomes,
    valid.scenarios.map((s) => s.weight),
  );
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}

function ratio(x: number, base: number): string {
  return (x / base).toFixed(2);
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join("  "),
    )
    .join("\n");
}

process.exitCode = await main();
