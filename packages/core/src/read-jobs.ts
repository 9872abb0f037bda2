import type { DbOrTx } from "@relief/db";
import { exportAgreements, exportDeclarations } from "./agreements/sheets";
import { exportPopulation } from "./areas/population-sheet";
import { type CoreContext, nowIso } from "./context";
import { exportCoverageReport, type ReportInput } from "./coverage/report";
import { type CoverageInput, coverageByTownship, coverageSummary } from "./coverage/summary";
import { reachByTownship } from "./dispatch/reach";
import { pageBalances, pageItemTotals } from "./stock/balances";
import { exportExpiry, exportRotation } from "./stock/expiry-sheets";
import type {
  BalancesInput,
  BalancesPageInput,
  CardInput,
  ExpiryExportInput,
  ItemTotalsInput,
  RotationExportInput,
} from "./stock/schemas";
import { exportBalances, exportCard } from "./stock/sheets";
import { verifyBalances } from "./stock/verify";
import { localDate } from "./time";

/**
 * The reads that go through whole tables and take seconds on a district's years of data. The server runs
 * them in worker threads on a read-only connection of their own, so the request thread stays free; each is
 * a plain function of a database handle, its input and the time of the request, so a worker and the inline
 * path give the same answer. Inputs and results cross threads by structured clone: plain data only.
 * Besides verification and the exports, the district-wide figures that sum every balance (coverage and
 * coverage within reach, the unfiltered stock list) run here too: at four years each holds a thread for
 * 100-200 ms.
 */
export const READ_JOBS = {
  "stock.verify": (db: DbOrTx, _input: null) => verifyBalances(db),
  "stock.exportBalances": (db: DbOrTx, input: BalancesInput, now: string) =>
    exportBalances(db, input, new Date(now)),
  "stock.exportCard": (db: DbOrTx, input: CardInput, now: string) => exportCard(db, input, new Date(now)),
  "stock.exportExpiry": (db: DbOrTx, input: ExpiryExportInput, now: string) =>
    exportExpiry(db, input, new Date(now)),
  "stock.exportRotation": (db: DbOrTx, input: RotationExportInput, now: string) =>
    exportRotation(db, input, new Date(now)),
  "areas.exportPopulation": (db: DbOrTx, _input: null, now: string) => exportPopulation(db, new Date(now)),
  "agreements.export": (db: DbOrTx, _input: null, now: string) => exportAgreements(db, now),
  "agreements.exportDeclarations": (db: DbOrTx, _input: null, now: string) => exportDeclarations(db, now),
  "coverage.exportReport": (db: DbOrTx, input: ReportInput, now: string) =>
    exportCoverageReport(db, input, now),
  "coverage.summary": (db: DbOrTx, input: CoverageInput, now: string) => coverageSummary(db, input, now),
  "coverage.byTownship": (db: DbOrTx, input: CoverageInput, now: string) =>
    coverageByTownship(db, input, now),
  "dispatch.reach": (db: DbOrTx, _input: null, now: string) => reachByTownship(db, now),
  "stock.balances": (db: DbOrTx, input: BalancesPageInput, now: string) =>
    pageBalances(db, input, localDate(new Date(now))),
  "stock.itemTotals": (db: DbOrTx, input: ItemTotalsInput, now: string) =>
    pageItemTotals(db, input, localDate(new Date(now))),
} satisfies Record<string, (db: DbOrTx, input: never, now: string) => unknown>;

export type ReadJobKind = keyof typeof READ_JOBS;
export type ReadJobInput<K extends ReadJobKind> = Parameters<(typeof READ_JOBS)[K]>[1];
export type ReadJobResult<K extends ReadJobKind> = ReturnType<(typeof READ_JOBS)[K]>;

/** Runs a read job now, on this thread. */
export function runReadJob<K extends ReadJobKind>(
  db: DbOrTx,
  kind: K,
  input: ReadJobInput<K>,
  now: string,
): ReadJobResult<K> {
  const job = READ_JOBS[kind] as (db: DbOrTx, input: ReadJobInput<K>, now: string) => ReadJobResult<K>;
  return job(db, input, now);
}

/** Where a request's long reads run; the time of the request goes with the job. */
export interface ReadJobRunner {
  run<K extends ReadJobKind>(kind: K, input: ReadJobInput<K>, now: string): Promise<ReadJobResult<K>>;
  close(): Promise<void>;
}

/** Runs each job on the calling thread against the context's handle: in-memory databases, which no other connection can open. */
export function inlineReadJobs(db: DbOrTx): ReadJobRunner {
  return {
    run: async (kind, input, now) => runReadJob(db, kind, input, now),
    close: async () => {},
  };
}

/** A request's way to run a long read: `ctx.offload(kind, input)` (see the API context). */
export type Offload = <K extends ReadJobKind>(kind: K, input: ReadJobInput<K>) => Promise<ReadJobResult<K>>;

export function offloadFor(runner: ReadJobRunner, ctx: Pick<CoreContext, "now">): Offload {
  return (kind, input) => runner.run(kind, input, nowIso(ctx));
}
