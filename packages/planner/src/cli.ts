import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkPlan } from "./check";
import { ProblemError } from "./schema";
import { plan } from "./solve";

const USAGE = `usage: pnpm plan <problem.json | -> [--time-limit ms] [--seed n] [--max-iterations n] [--check]

Prints the dispatch plan as JSON on stdout. Options override the problem's own timeLimitMs, seed and
maxIterations. --check runs the independent plan checker and fails if it finds anything.`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv.filter((a) => a !== "--"),
    allowPositionals: true,
    options: {
      "time-limit": { type: "string" },
      seed: { type: "string" },
      "max-iterations": { type: "string" },
      check: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const file = positionals[0] as string;
  const problem = JSON.parse(readFileSync(file === "-" ? 0 : file, "utf8")) as Record<string, unknown>;
  const number = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n)) throw new Error(`--${name} wants a number, got "${text}"`);
    return n;
  };
  const overrides = {
    timeLimitMs: number("time-limit", values["time-limit"]),
    seed: number("seed", values.seed),
    maxIterations: number("max-iterations", values["max-iterations"]),
  };
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) problem[k] = v;
  const result = plan(problem);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (values.check) {
    const errors = checkPlan(problem, result);
    if (errors.length > 0) {
      process.stderr.write(`the plan checker found ${errors.length} problem(s):\n${errors.join("\n")}\n`);
      return 1;
    }
    process.stderr.write("plan checked: valid\n");
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ProblemError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
