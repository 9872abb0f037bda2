import { createHash } from "node:crypto";
import { type DbOrTx, layoutAdvice } from "@relief/db";
import { msg } from "@relief/domain";
import { currentLayout, type Layout, type LayoutProblem } from "@relief/planner";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { problemId } from "../dispatch/ids";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { type LayoutRunner, layoutRunner } from "./pool";
import { type LayoutInputs, readLayoutInputs } from "./problem";
import type { RunProgress, RunRef } from "./runs";
import { AdviceRefInput, AdviseInput, ConfirmInput, RunProgressInput } from "./schemas";
import { type AdviceView, type EvaluationView, evaluationView, Names, type StoredAdvice } from "./views";

/** Refuses a problem the engine cannot answer, before any thread is taken. */
function checkInputs(inputs: LayoutInputs): void {
  if (inputs.problem.scenarios.length === 0) throw new ValidationError(msg("layout.error.noTownships"));
  if (Object.keys(inputs.problem.scenarios[0]?.needPerPerson ?? {}).length === 0)
    throw new ValidationError(msg("layout.error.noNeeds"));
}

function claim(runner: LayoutRunner): void {
  if (runner.busy()) throw new ConflictError(msg("layout.error.busy"));
}

/** The run the caller named, stamped with the context's clock. */
function runRef(ctx: CoreContext, runId: string | undefined): RunRef | undefined {
  return runId === undefined ? undefined : { id: runId, now: () => new Date(nowIso(ctx)) };
}

/**
 * Where a named advice or confirmation is: queued behind other jobs, or the engine's stage and steps done.
 * Null once it has ended, for a run never started, and for one answered from a stored advice.
 */
export function layoutRunProgress({
  input,
  runner = layoutRunner(),
}: {
  input: RunProgressInput;
  runner?: LayoutRunner;
}): RunProgress | null {
  return runner.progress(RunProgressInput.parse(input).runId);
}

/**
 * The flow bound of today's layout on every scenario: the people each could have equipped within 10 h, the
 * worst scenario and the likelihood-weighted mean. Read now, solved off the request thread.
 */
export async function evaluateCurrentLayout({
  ctx,
  runner = layoutRunner(),
}: {
  ctx: CoreContext;
  runner?: LayoutRunner;
}): Promise<EvaluationView> {
  const inputs = readLayoutInputs(ctx.db, nowIso(ctx));
  checkInputs(inputs);
  claim(runner);
  return evaluationView(await runner.evaluate(inputs.problem));
}

/** The fingerprint of an advice: the problem read from the database and the options asked for. */
export function adviceFingerprint(
  inputs: LayoutInputs,
  maxTruckloads: number,
  budgetYuan: number | null,
): string {
  return createHash("sha256")
    .update(JSON.stringify({ problem: inputs.fingerprint, maxTruckloads, budgetYuan }))
    .digest("hex");
}

function adviceView(row: typeof layoutAdvice.$inferSelect): AdviceView {
  const { confirmation, ...result } = row.result as StoredAdvice;
  return {
    ...result,
    confirmation: confirmation ?? null,
    adviceId: row.id,
    maxTruckloads: row.maxTruckloads,
    budgetYuan: row.budgetYuan,
    createdAt: row.createdAt,
    acceptedAt: row.acceptedAt,
  };
}

/**
 * Transfers (at most `maxTruckloads`) and, with a budget, purchases that raise the 10 % coverage, then the
 * worst scenario, then the weighted mean. Each advice is stored under the fingerprint of its inputs: the same
 * stock, fleet, roads, register, quotas, prices and options return the stored advice without solving again.
 */
export async function adviseLayout({
  ctx,
  input,
  runner = layoutRunner(),
}: {
  ctx: CoreContext;
  input: AdviseInput;
  runner?: LayoutRunner;
}): Promise<AdviceView> {
  const { maxTruckloads, budgetYuan, runId } = AdviseInput.parse(input);
  const budget = budgetYuan && budgetYuan > 0 ? budgetYuan : null;
  const inputs = readLayoutInputs(ctx.db, nowIso(ctx));
  checkInputs(inputs);
  const fingerprint = adviceFingerprint(inputs, maxTruckloads, budget);
  const known = ctx.db.select().from(layoutAdvice).where(eq(layoutAdvice.fingerprint, fingerprint)).get();
  if (known) return adviceView(known);
  claim(runner);
  const advice = await runner.advise(
    inputs.problem,
    { maxTruckloads, ...(budget === null ? {} : { budgetYuan: budget }) },
    runRef(ctx, runId),
  );
  return withTransaction(ctx, (tx) => {
    // Another request may have stored the same advice while this one solved.
    const stored = tx.select().from(layoutAdvice).where(eq(layoutAdvice.fingerprint, fingerprint)).get();
    if (stored) return adviceView(stored);
    const result = new Names(tx, inputs.townships).advice(advice);
    const row = tx
      .insert(layoutAdvice)
      .values({
        fingerprint,
        maxTruckloads,
        budgetYuan: budget,
        result,
        createdBy: ctx.actor?.userId ?? null,
        createdAt: nowIso(ctx),
      })
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: "layout.advise",
      targetType: "layout_advice",
      targetIds: [row.id],
      summary: {
        maxTruckloads,
        budgetYuan: budget,
        transfers: result.transfers.length,
        purchases: result.purchases.length,
      },
    });
    return adviceView(row);
  });
}

export function getAdvice(db: DbOrTx, input: AdviceRefInput): AdviceView {
  const { adviceId } = AdviceRefInput.parse(input);
  const row = db.select().from(layoutAdvice).where(eq(layoutAdvice.id, adviceId)).get();
  if (!row) throw new NotFoundError(msg("layout.error.adviceNotFound", { id: String(adviceId) }));
  return adviceView(row);
}

/**
 * The advice's layout: today's (the problem's stock) with its transfers and purchases applied. Only valid while
 * the inputs are those the advice was computed on, which the caller checks by the fingerprint.
 */
function advisedLayout(problem: LayoutProblem, advice: AdviceView): Layout {
  const layout = currentLayout(problem);
  const add = (warehouseId: number, itemId: number, quantity: number) => {
    const row = layout[problemId.warehouse(warehouseId)] ?? {};
    row[problemId.item(itemId)] = (row[problemId.item(itemId)] ?? 0) + quantity;
    layout[problemId.warehouse(warehouseId)] = row;
  };
  for (const t of advice.transfers) {
    add(t.fromWarehouseId, t.itemId, -t.quantity);
    add(t.toWarehouseId, t.itemId, t.quantity);
  }
  for (const p of advice.purchases) add(p.warehouseId, p.itemId, p.quantity);
  return layout;
}

/**
 * Confirms an advice with the full planner: every scenario planned on the advised layout and on today's, in
 * the layout pool (a fixed search per scenario, see CONFIRM_SEARCH), stored on the advice and returned by
 * `getAdvice` thereafter. An advice is confirmed once: a second call returns the stored figures, which a rerun
 * would repeat (fixed iterations and seed). Refused when the inputs changed since the advice: its layout is
 * today's stock plus its moves, which no longer holds.
 */
export async function confirmAdvice({
  ctx,
  input,
  runner = layoutRunner(),
}: {
  ctx: CoreContext;
  input: ConfirmInput;
  runner?: LayoutRunner;
}): Promise<AdviceView> {
  const { adviceId, runId } = ConfirmInput.parse(input);
  const advice = getAdvice(ctx.db, { adviceId });
  if (advice.confirmation) return advice;
  const inputs = readLayoutInputs(ctx.db, nowIso(ctx));
  const outdated = () => new ConflictError(msg("layout.error.confirmOutdated", { id: String(adviceId) }));
  const fingerprint = adviceFingerprint(inputs, advice.maxTruckloads, advice.budgetYuan);
  const isCurrent = (db: DbOrTx) =>
    db.select().from(layoutAdvice).where(eq(layoutAdvice.id, adviceId)).get()?.fingerprint === fingerprint;
  if (!isCurrent(ctx.db)) throw outdated();
  claim(runner);
  const confirmation = await runner.confirm(
    inputs.problem,
    advisedLayout(inputs.problem, advice),
    runRef(ctx, runId),
  );
  return withTransaction(ctx, (tx) => {
    const row = tx.select().from(layoutAdvice).where(eq(layoutAdvice.id, adviceId)).get();
    if (!row) throw new NotFoundError(msg("layout.error.adviceNotFound", { id: String(adviceId) }));
    // Another request may have confirmed it while this one planned: the figures are the same, keep the first.
    if ((row.result as StoredAdvice).confirmation) return adviceView(row);
    const computedAt = nowIso(ctx);
    const result: StoredAdvice = {
      ...(row.result as StoredAdvice),
      confirmation: { ...confirmation, computedAt },
    };
    const updated = tx
      .update(layoutAdvice)
      .set({ result })
      .where(eq(layoutAdvice.id, adviceId))
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: "layout.confirm",
      targetType: "layout_advice",
      targetIds: [adviceId],
      summary: {
        worstPlanned: confirmation.worstPlanned,
        weightedMeanPlanned: confirmation.weightedMeanPlanned.share,
        stoppedByTime: confirmation.stoppedByTime,
      },
    });
    return adviceView(updated);
  });
}
