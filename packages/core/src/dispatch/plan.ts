import { type DbOrTx, dispatchPlans, incidents, users } from "@relief/db";
import { type Message, msg, PLAN_BUDGET } from "@relief/domain";
import type { PlanningProblem } from "@relief/planner";
import { desc, eq, max } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, NotFoundError, UnauthorizedError, ValidationError } from "../errors";
import { type PlanFlag, planFlag } from "./flag";
import { type PlanRunner, planRunner } from "./pool";
import { buildProblem, type FreedStock } from "./problem";
import { CompareInput, PlanIdInput, PlanInput, PlansInput } from "./schemas";
import { PLANNING_SOURCES, type PlanningSources } from "./sources";
import type { PlanComparison, PlanOptions, PlanVersion, PlanView } from "./types";
import { toPlanView } from "./view";

export interface PlanDependencies {
  runner?: PlanRunner;
  sources?: PlanningSources;
  /** A re-plan's: the stock the replaced plan holds for orders not yet departed, which the swap releases. */
  freed?: FreedStock[];
}

type PlanRow = typeof dispatchPlans.$inferSelect & { createdByName: string; drill: boolean };

function planRows(db: DbOrTx) {
  return db
    .select({ plan: dispatchPlans, createdByName: users.username, drill: incidents.drill })
    .from(dispatchPlans)
    .innerJoin(users, eq(users.id, dispatchPlans.createdBy))
    .innerJoin(incidents, eq(incidents.id, dispatchPlans.incidentId));
}

const flatten = (r: {
  plan: typeof dispatchPlans.$inferSelect;
  createdByName: string;
  drill: boolean;
}): PlanRow => ({ ...r.plan, createdByName: r.createdByName, drill: r.drill });

function failureText(error: unknown): Message {
  const detail = error instanceof Error ? error.message : String(error);
  return msg("dispatch.error.plannerFailed", { detail });
}

/**
 * Plans an incident's dispatch: builds the planner's problem from the database as it stands now, stores it as
 * the incident's next plan version (status running), computes the plan in the planner's worker thread and
 * stores it mapped to the district's ids (done), or the reason it failed (failed). The request waits for the
 * answer, but the server's request thread stays free meanwhile. Nothing is written when the incident is
 * closed or past its deadline, an option names an unknown warehouse, vehicle or road, or the planner is busy.
 */
export async function planDispatch(
  { ctx, input }: { ctx: CoreContext; input: PlanInput },
  { runner = planRunner(), sources = PLANNING_SOURCES, freed = [] }: PlanDependencies = {},
): Promise<PlanView> {
  if (!ctx.actor) throw new UnauthorizedError();
  const actor = ctx.actor;
  const parsed = PlanInput.parse(input);
  const options: PlanOptions = parsed.options;
  const now = nowIso(ctx);
  const readStart = performance.now();
  const built = buildProblem(ctx.db, parsed.incidentId, options, now, sources, freed);
  const problem: PlanningProblem = {
    ...built.problem,
    seed: parsed.seed,
    maxIterations: PLAN_BUDGET.iterations,
    timeLimitMs: parsed.timeLimitMs,
  };
  built.problem = problem;
  const readMs = performance.now() - readStart;
  if (runner.busy()) throw new ConflictError(msg("dispatch.error.plannerBusy"));

  const header = withTransaction(ctx, (tx) => {
    const last = tx
      .select({ version: max(dispatchPlans.version) })
      .from(dispatchPlans)
      .where(eq(dispatchPlans.incidentId, parsed.incidentId))
      .get();
    const version = (last?.version ?? 0) + 1;
    const row = tx
      .insert(dispatchPlans)
      .values({
        incidentId: parsed.incidentId,
        version,
        status: "running",
        seed: parsed.seed,
        options,
        problem,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: dispatchPlans.id })
      .get();
    recordAudit(tx, ctx, {
      action: "dispatch.plan",
      targetType: "dispatch_plan",
      targetIds: [row.id],
      summary: { incidentId: parsed.incidentId, version, seed: parsed.seed, options },
    });
    return {
      planId: row.id,
      incidentId: parsed.incidentId,
      version,
      seed: parsed.seed,
      createdBy: actor.username,
      createdAt: now,
    };
  });

  let view: PlanView;
  try {
    const result = await runner.run(problem);
    view = toPlanView(built, result, header, { readMs }, nowIso(ctx));
  } catch (error) {
    const failure = failureText(error);
    ctx.db
      .update(dispatchPlans)
      .set({ status: "failed", failure, finishedAt: nowIso(ctx) })
      .where(eq(dispatchPlans.id, header.planId))
      .run();
    return getPlan(ctx.db, header.planId);
  }
  const s = view.summary;
  ctx.db
    .update(dispatchPlans)
    .set({
      status: "done",
      result: view,
      people: s?.people ?? null,
      peopleServed: s?.peopleServed ?? null,
      latestArrivalMinutes: s?.latestArrivalMinutes == null ? null : Math.round(s.latestArrivalMinutes),
      totalKm: s ? Math.round(s.totalKm) : null,
      vehiclesUsed: s?.vehiclesUsed ?? null,
      stoppedByTime: view.stoppedByTime,
      finishedAt: view.finishedAt,
    })
    .where(eq(dispatchPlans.id, header.planId))
    .run();
  return view;
}

function planRow(db: DbOrTx, planId: number): PlanRow {
  const row = planRows(db).where(eq(dispatchPlans.id, planId)).get();
  if (!row) throw new NotFoundError(msg("dispatch.error.planNotFound", { id: String(planId) }));
  return flatten(row);
}

/** A stored plan; a running or failed one has its header and no routes. */
export function getPlan(db: DbOrTx, planId: number): PlanView {
  const row = planRow(db, PlanIdInput.parse({ planId }).planId);
  const state = {
    approvedAt: row.approvedAt,
    flaggedAt: row.flaggedAt,
    cancelledAt: row.cancelledAt,
    flag: planFlag(db, row),
  };
  if (row.status === "done" && row.result) return { ...(row.result as PlanView), ...state };
  const problem = row.problem as PlanningProblem | null;
  const deadlineMinutes = problem?.deadlineMinutes ?? 0;
  return {
    planId: row.id,
    incidentId: row.incidentId,
    version: row.version,
    status: row.status,
    drill: row.drill,
    seed: row.seed,
    options: row.options as PlanOptions,
    startsAt: row.createdAt,
    deadlineAt: new Date(Date.parse(row.createdAt) + deadlineMinutes * 60_000).toISOString(),
    deadlineMinutes,
    summary: null,
    routes: [],
    outcomes: [],
    shortfalls: [],
    notes: [],
    stoppedByTime: false,
    timings: null,
    failure: (row.failure as Message | null) ?? null,
    createdBy: row.createdByName,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    ...state,
  };
}

/** The problem a plan was computed from, as stored: for checking and reproducing it. */
export function planProblem(db: DbOrTx, planId: number): PlanningProblem | null {
  return (planRow(db, planId).problem as PlanningProblem | null) ?? null;
}

function toVersion(row: PlanRow, flag: PlanFlag | null): PlanVersion {
  const at = (minutes: number | null) =>
    minutes === null ? null : new Date(Date.parse(row.createdAt) + minutes * 60_000).toISOString();
  return {
    planId: row.id,
    incidentId: row.incidentId,
    version: row.version,
    status: row.status,
    seed: row.seed,
    summary:
      row.status === "done" && row.people !== null
        ? {
            people: row.people,
            peopleServed: row.peopleServed ?? 0,
            latestArrivalMinutes: row.latestArrivalMinutes,
            latestArrivalAt: at(row.latestArrivalMinutes),
            totalKm: row.totalKm ?? 0,
            vehiclesUsed: row.vehiclesUsed ?? 0,
          }
        : null,
    stoppedByTime: row.stoppedByTime,
    failure: (row.failure as Message | null) ?? null,
    createdBy: row.createdByName,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    approvedAt: row.approvedAt,
    flaggedAt: row.flaggedAt,
    cancelledAt: row.cancelledAt,
    flag,
  };
}

/** An incident's plan versions, newest first (a handful per incident: one per planning run). */
export function listPlans(db: DbOrTx, input: { incidentId: number }): PlanVersion[] {
  const { incidentId } = PlansInput.parse(input);
  return planRows(db)
    .where(eq(dispatchPlans.incidentId, incidentId))
    .orderBy(desc(dispatchPlans.version))
    .all()
    .map((r) => toVersion(flatten(r), planFlag(db, r.plan)));
}

/** Two versions of one incident's plan: people served, latest arrival, km, trucks, and each area. */
export function comparePlans(db: DbOrTx, input: { a: number; b: number }): PlanComparison {
  const ids = CompareInput.parse(input);
  const rowA = planRow(db, ids.a);
  const rowB = planRow(db, ids.b);
  if (rowA.incidentId !== rowB.incidentId) throw new ValidationError(msg("dispatch.error.compareIncidents"));
  const a = getPlan(db, ids.a);
  const b = getPlan(db, ids.b);
  const arrival = (v: PlanView) =>
    v.summary?.latestArrivalAt ? Date.parse(v.summary.latestArrivalAt) : null;
  const arrivalA = arrival(a);
  const arrivalB = arrival(b);
  const areaIds = [...new Set([...a.outcomes, ...b.outcomes].map((o) => o.areaId))];
  return {
    a: toVersion(rowA, planFlag(db, rowA)),
    b: toVersion(rowB, planFlag(db, rowB)),
    difference: {
      peopleServed: (b.summary?.peopleServed ?? 0) - (a.summary?.peopleServed ?? 0),
      latestArrivalMinutes:
        arrivalA === null || arrivalB === null ? null : Math.round((arrivalB - arrivalA) / 60_000),
      totalKm: Math.round(((b.summary?.totalKm ?? 0) - (a.summary?.totalKm ?? 0)) * 10) / 10,
      vehiclesUsed: (b.summary?.vehiclesUsed ?? 0) - (a.summary?.vehiclesUsed ?? 0),
    },
    areas: areaIds.map((areaId) => {
      const oa = a.outcomes.find((o) => o.areaId === areaId);
      const ob = b.outcomes.find((o) => o.areaId === areaId);
      return {
        areaId,
        people: ob?.people ?? oa?.people ?? 0,
        peopleServedA: oa?.peopleServed ?? 0,
        peopleServedB: ob?.peopleServed ?? 0,
        completeAtA: oa?.completeAt ?? null,
        completeAtB: ob?.completeAt ?? null,
      };
    }),
  };
}
