import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkPlan } from "../check";
import type { DispatchPlan } from "../plan-types";

const repo = fileURLToPath(new URL("../../../../", import.meta.url));
const example = join(repo, "packages/planner/examples/worked-example.json");

function cli(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "packages/planner/src/cli.ts", ...args], {
    cwd: repo,
    encoding: "utf8",
  });
}

describe("pnpm plan", () => {
  it("prints a valid plan as JSON on stdout", () => {
    const run = cli(example, "--max-iterations", "50", "--seed", "3", "--check");
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout) as DispatchPlan;
    expect(checkPlan(JSON.parse(readFileSync(example, "utf8")), plan)).toEqual([]);
    expect(plan.summary.peopleServed).toBe(300);
    expect(run.stderr).toContain("plan checked: valid");
  });

  it("names the mistakes of an invalid problem on stderr and exits non-zero", () => {
    const dir = mkdtempSync(join(tmpdir(), "planner-"));
    const file = join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({ deadlineMinutes: -5, items: [], depots: [], vehicles: [], demands: [] }),
    );
    const run = cli(file);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("deadlineMinutes");
    expect(run.stderr).toContain("items");
  });
});
