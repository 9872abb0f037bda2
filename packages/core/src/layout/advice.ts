import { createHash } from "node:crypto";
import { type DbOrTx, layoutAdvice } from "@relief/db";
import { msg } from "@relief/domain";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { type LayoutRunner, layoutRunner } from "./pool";
import { type LayoutInputs, readLayoutInputs } from "./problem";
import { AdviceRefInput, AdviseInput } from "./schemas";
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
  return {
    ...(row.result as StoredAdvice),
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
  const { maxTruckloads, budgetYuan } = AdviseInput.parse(input);
  const budget = budgetYuan && budgetYuan > 0 ? budgetYuan : null;
  const inputs = readLayoutInputs(ctx.db, nowIso(ctx));
  checkInputs(inputs);
  const fingerprint = adviceFingerprint(inputs, maxTruckloads, budget);
  const known = ctx.db.select().from(layoutAdvice).where(eq(layoutAdvice.fingerprint, fingerprint)).get();
  if (known) return adviceView(known);
  claim(runner);
  const advice = await runner.advise(inputs.problem, {
    maxTruckloads,
    ...(budget === null ? {} : { budgetYuan: budget }),
  });
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
