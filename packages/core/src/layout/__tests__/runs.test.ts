import type { ReliefDatabase } from "@relief/db";
import { beforeAll, describe, expect, it } from "vitest";
import { contextFor } from "../../testing";
import { adviseLayout, layoutRunProgress } from "../advice";
import { inlineLayout } from "../pool";
import { RunBoard, type RunProgress } from "../runs";
import { obviousCase } from "./fixture";

const at = (iso: string) => () => new Date(iso);

describe("the board of runs in flight", () => {
  it("counts a named run as queued behind the jobs handed in before it, then running at its latest report", () => {
    const board = new RunBoard();
    const unnamed = board.add(undefined);
    const first = board.add({ id: "a", now: at("2026-11-30T08:00:00Z") });
    const second = board.add({ id: "b", now: at("2026-11-30T08:05:00Z") });
    expect(board.size).toBe(3);
    expect(board.progress("a")).toEqual({ state: "queued", ahead: 1 });
    expect(board.progress("b")).toEqual({ state: "queued", ahead: 2 });
    board.end(unnamed);
    board.report(first, { stage: "boundBefore", done: 0, total: 54 });
    board.report(first, { stage: "boundBefore", done: 1, total: 54 });
    expect(board.progress("a")).toEqual({
      state: "running",
      startedAt: "2026-11-30T08:00:00.000Z",
      stage: "boundBefore",
      done: 1,
      total: 54,
    });
    expect(board.progress("b")).toEqual({ state: "queued", ahead: 1 });
    board.end(first);
    expect(board.progress("a")).toBeNull();
    expect(board.progress("b")).toEqual({ state: "queued", ahead: 0 });
    board.end(second);
    expect(board.size).toBe(0);
    expect(board.progress("b")).toBeNull();
  });

  it("keeps a later run under the same id when the earlier one ends", () => {
    const board = new RunBoard();
    const earlier = board.add({ id: "x", now: at("2026-11-30T08:00:00Z") });
    board.add({ id: "x", now: at("2026-11-30T08:01:00Z") });
    board.end(earlier);
    expect(board.progress("x")).toEqual({ state: "queued", ahead: 0 });
  });
});

describe("progress of the engine on the calling thread", () => {
  let database: ReliefDatabase;
  beforeAll(() => {
    database = obviousCase();
  });

  it("reads a named advice as running while it solves and as null after", async () => {
    const runner = inlineLayout();
    const ctx = contextFor(database);
    const advising = adviseLayout({ ctx, input: { maxTruckloads: 5, runId: "inline" }, runner });
    // The engine yields between its stages (HiGHS is awaited): read the run at each turn until it runs.
    let seen: RunProgress | null = null;
    for (let turn = 0; turn < 10_000 && seen?.state !== "running"; turn += 1) {
      await Promise.resolve();
      seen = layoutRunProgress({ input: { runId: "inline" }, runner });
    }
    expect(seen).toMatchObject({ state: "running", stage: "boundBefore", total: 2 });
    await advising;
    expect(layoutRunProgress({ input: { runId: "inline" }, runner })).toBeNull();
  });
});
