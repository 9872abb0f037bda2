import { createHash } from "node:crypto";
import { createSeededDatabase } from "@relief/core/testing";
import type { ReliefDatabase, Role } from "@relief/db";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../root";
import { callerAs } from "../testing";
import type { ApiMeta } from "../trpc";
import { inputFor } from "./fuzz-inputs";

/**
 * Every procedure, called as a user allowed to call it, with generated inputs of its own shape pushed past
 * every bound (and sometimes no shape at all). Whatever comes in, the answer is a result or a clear refusal —
 * never an internal error — and a refused mutation leaves the database exactly as it was.
 *
 * Runs are seeded, so CI sees the same inputs every time; `FUZZ_SEED` and `FUZZ_RUNS` explore further.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
/** Heavy reads (whole-ledger checks, coverage, workbooks) get fewer runs: their inputs are few and small. */
const FEW_RUNS = /verify|export|template|summary|byTownship|report|takeSnapshot/i;
/** Procedures that solve an optimisation model on every valid input get two runs and minutes, not seconds. */
const SOLVERS = /^layout\.(advise|confirm)$/;
/** Logging in records refused attempts by design (audit and throttle); it has tests of its own. */
const SKIPPED = new Set(["auth.login"]);
const ACCOUNT: Record<Role, string> = {
  admin: "admin",
  civil_affairs: "minzheng",
  commerce: "shangwu",
  dispatcher: "diaodu",
  leader: "lingdao",
  enterprise: "qiye",
};

interface ProcedureDef {
  type: "query" | "mutation" | "subscription";
  meta?: ApiMeta;
  inputs: unknown[];
}

const procedures = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, { _def: ProcedureDef }> }).procedures,
)
  .filter(([path]) => !SKIPPED.has(path))
  .map(([path, procedure]) => ({ path, def: procedure._def }));

function fingerprint(database: ReliefDatabase): string {
  return createHash("sha1").update(database.sqlite.serialize()).digest("hex");
}

/** The account to act as: the administrator where allowed (the widest scope), else the first allowed role. */
function accountFor(meta: ApiMeta | undefined): string {
  const roles = meta?.roles;
  if (!roles || roles === "public") return "admin";
  return ACCOUNT[roles.includes("admin") ? "admin" : (roles[0] as Role)];
}

describe("fuzzing every procedure", () => {
  let database: ReliefDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase();
  });

  it("covers the whole router", () => {
    expect(procedures.length).toBeGreaterThan(80);
  });

  for (const [index, { path, def }] of procedures.entries()) {
    it(
      `${path} never fails internally and writes nothing when it refuses`,
      async () => {
        const call = path
          .split(".")
          .reduce<unknown>(
            (node, key) => (node as Record<string, unknown>)[key],
            callerAs(database, accountFor(def.meta)),
          ) as (input: unknown) => Promise<unknown>;
        const arbitrary = def.inputs[0] ? inputFor(def.inputs[0]) : fc.constant(undefined);
        await fc.assert(
          fc.asyncProperty(arbitrary, async (input) => {
            const before = def.type === "mutation" ? fingerprint(database) : "";
            try {
              await call(input);
            } catch (error) {
              if (!(error instanceof TRPCError)) throw error;
              expect(
                error.code,
                `${error.message}\n${(error.cause as Error | undefined)?.stack ?? ""}`,
              ).not.toBe("INTERNAL_SERVER_ERROR");
              if (def.type === "mutation") expect(fingerprint(database)).toBe(before);
            }
          }),
          {
            seed: SEED + index,
            numRuns: SOLVERS.test(path) ? 2 : FEW_RUNS.test(path) ? 3 : RUNS,
            endOnFailure: true,
          },
        );
      },
      SOLVERS.test(path) ? 180_000 : undefined,
    );
  }
});
