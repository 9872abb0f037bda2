import highsLoader from "highs";

/**
 * A linear (or mixed-integer) model written as CPLEX LP text for HiGHS. Objectives are solved in stages: each
 * stage adds rows that hold the earlier optima, never big weights that would mix them.
 */
export type Terms = [coefficient: number, variable: string][];

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Promise<Highs> | undefined;

/** HiGHS is WebAssembly: loaded once, on first use. */
export function loadHighs(): Promise<Highs> {
  highs ??= highsLoader();
  return highs;
}

/**
 * Fixed options, so that the same model gives the same answer: no time limit (where the clock cuts a search
 * depends on the machine), the default seed, the MIP solved to a gap of 1e-6.
 */
const OPTIONS = { mip_rel_gap: 1e-6, output_flag: false } as const;

/** Plain decimal text: the LP reader gets no exponents, and coefficients below 1e-9 are noise. */
function num(x: number): string {
  if (Math.abs(x) < 1e-9) return "0";
  return Number.isInteger(x) ? String(x) : x.toFixed(9).replace(/0+$/, "").replace(/\.$/, "");
}

function expression(terms: Terms): string {
  const merged = new Map<string, number>();
  for (const [c, v] of terms) merged.set(v, (merged.get(v) ?? 0) + c);
  let out = "";
  for (const [v, c] of merged) {
    if (Math.abs(c) < 1e-9) continue;
    out += `${c < 0 ? " - " : out === "" ? "" : " + "}${num(Math.abs(c))} ${v}`;
  }
  return out;
}

export interface Solution {
  value: number;
  get(variable: string): number;
}

export class LinearModel {
  private readonly rows: string[] = [];
  private readonly bounds: string[] = [];
  private readonly integers: string[] = [];
  private readonly names = new Set<string>();

  /** Declares a variable with bounds [lower, upper] (default [0, ∞)). */
  variable(name: string, upper = Number.POSITIVE_INFINITY, integer = false): string {
    if (this.names.has(name)) throw new Error(`variable ${name} declared twice`);
    this.names.add(name);
    this.bounds.push(Number.isFinite(upper) ? `0 <= ${name} <= ${num(upper)}` : `${name} >= 0`);
    if (integer) this.integers.push(name);
    return name;
  }

  /** Adds terms (sense) rhs; a row without terms is dropped, as it holds whenever rhs allows it at all. */
  row(terms: Terms, sense: "<=" | ">=" | "=", rhs: number): void {
    const text = expression(terms);
    if (text === "") return;
    this.rows.push(`${text} ${sense} ${num(rhs)}`);
  }

  solve(solver: Highs, sense: "Maximize" | "Minimize", objective: Terms, extra: string[] = []): Solution {
    const first = this.names.values().next().value as string;
    const lp = [
      sense,
      ` obj: ${expression(objective) || `0 ${first}`}`,
      "Subject To",
      ...[...this.rows, ...extra].map((r, i) => ` c${i}: ${r}`),
      "Bounds",
      ...this.bounds.map((b) => ` ${b}`),
      ...(this.integers.length > 0 ? ["General", ...this.integers.map((x) => ` ${x}`)] : []),
      "End",
    ].join("\n");
    const result = solver.solve(lp, OPTIONS);
    if (result.Status !== "Optimal") throw new Error(`HiGHS: ${result.Status}`);
    const columns = result.Columns as Record<string, { Primal: number }>;
    return { value: result.ObjectiveValue, get: (v) => columns[v]?.Primal ?? 0 };
  }

  /** A row in the text form `solve` takes as `extra`, for a stage's hold on an earlier optimum. */
  static hold(terms: Terms, sense: "<=" | ">=", rhs: number): string {
    return `${expression(terms)} ${sense} ${num(rhs)}`;
  }
}
