import { layoutRunner, type RunProgress } from "@relief/core";
import { createSeededDatabase } from "@relief/core/testing";
import type { ReliefDatabase } from "@relief/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorDetails } from "../errors";
import { callerAs, errorOf } from "../testing";

/** Asks until `until` holds of the answer (each ask a turn of the event loop later); the last answer. */
async function pollProgress(
  database: ReliefDatabase,
  runId: string,
  until: (progress: RunProgress | null) => boolean,
): Promise<RunProgress | null> {
  for (;;) {
    const progress = await callerAs(database, "lingdao").layout.progress({ runId });
    if (until(progress)) return progress;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Through the API, on the Banan demo data, with the engine in its worker thread as the server runs it. */
describe("progress of layout advice and its check by the planner", () => {
  let database: ReliefDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase();
  });
  afterAll(() => layoutRunner().close());

  it("a named advice reads as running with its stage while it solves, a second as queued behind it, both null once done", async () => {
    const scenarios = (await callerAs(database, "lingdao").layout.evaluate({})).scenarios.length;
    const first = callerAs(database, "minzheng").layout.advise({ maxTruckloads: 7, runId: "first-run" });
    const running = await pollProgress(database, "first-run", (p) => p?.state === "running");
    expect(running).toMatchObject({ state: "running" });
    if (running?.state !== "running") throw new Error("not running");
    expect(["boundBefore", "optimise", "boundAfter"]).toContain(running.stage);
    expect(running.done).toBeLessThanOrEqual(running.total);
    expect(running.total).toBe(running.stage === "optimise" ? 3 : scenarios);
    expect(Number.isNaN(Date.parse(running.startedAt))).toBe(false);

    const second = callerAs(database, "minzheng").layout.advise({ maxTruckloads: 8, runId: "second-run" });
    const queued = await pollProgress(database, "second-run", (p) => p !== null);
    // The first holds the engine's only thread for seconds more (it has just begun its first stage).
    expect(queued).toEqual({ state: "queued", ahead: 1 });

    const advice = await first;
    await second;
    expect(await callerAs(database, "lingdao").layout.progress({ runId: "first-run" })).toBeNull();
    expect(await callerAs(database, "lingdao").layout.progress({ runId: "second-run" })).toBeNull();

    // The name is no part of the advice: asked again under another name, the stored advice comes back.
    const again = await callerAs(database, "admin").layout.advise({ maxTruckloads: 7, runId: "third-run" });
    expect(again.adviceId).toBe(advice.adviceId);
  }, 120_000);

  it("the planner's check reports the bounds, then every scenario planned before and after", async () => {
    const advice = await callerAs(database, "minzheng").layout.advise({ maxTruckloads: 7 });
    const confirming = callerAs(database, "diaodu").layout.confirm({
      adviceId: advice.adviceId,
      runId: "confirm-run",
    });
    const planning = await pollProgress(
      database,
      "confirm-run",
      (p) => p?.state === "running" && p.stage.startsWith("plan"),
    );
    expect(planning).toMatchObject({ state: "running", total: advice.after.scenarios.length });
    expect((await confirming).confirmation).not.toBeNull();
    expect(await callerAs(database, "lingdao").layout.progress({ runId: "confirm-run" })).toBeNull();
  }, 120_000);

  it("a run id that is not 1–64 letters, digits, - or _ is refused, and an unknown one reads as null", async () => {
    const error = await errorOf(callerAs(database, "lingdao").layout.progress({ runId: "a b" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(errorDetails(error.cause)?.issues).toEqual([
      expect.objectContaining({ field: "runId", message: "计算编号须为 1 至 64 位字母、数字、- 或 _" }),
    ]);
    const refused = await errorOf(
      callerAs(database, "minzheng").layout.advise({ maxTruckloads: 1, runId: "x".repeat(65) }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(await callerAs(database, "diaodu").layout.progress({ runId: "nobody" })).toBeNull();
  });
});
