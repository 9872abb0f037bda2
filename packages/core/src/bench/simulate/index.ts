import type { ReliefDatabase } from "@relief/db";
import { users } from "@relief/db";
import { eq } from "drizzle-orm";
import { ensureDailySnapshot } from "../../coverage/snapshots";
import { seedBanan } from "../../seed/banan";
import { addDays, districtDayStart, localDate } from "../../time";
import { AgreementActivity } from "./agreements";
import { buildRegisters } from "./registers";
import { StockFlows } from "./stock";
import { StockCare } from "./stock-care";
import { World } from "./world";

export interface SimulationOptions {
  /** Simulated days after the day of seeding. */
  days: number;
  /** The last simulated day (`YYYY-MM-DD`, district time); yesterday by default, so every record is past. */
  lastDay?: string;
  seed?: number;
  /** Called after each simulated day. */
  onDay?: (done: number, days: number) => void;
}

export interface SimulationResult {
  firstDay: string;
  lastDay: string;
  /** Completed actions by kind. */
  done: Record<string, number>;
  /** Seconds spent in each kind of action. */
  seconds: Record<string, number>;
  /** Refused actions by kind, with the first refusal's message: a healthy run has none. */
  refused: Record<string, { count: number; first: string }>;
  /** Rows per table at the end. */
  rows: Record<string, number>;
}

const COUNTED_TABLES = [
  "ledger_lines",
  "stock_documents",
  "lots",
  "balances",
  "items",
  "warehouses",
  "areas",
  "enterprises",
  "agreements",
  "agreement_declarations",
  "agreement_verifications",
  "agreement_calloffs",
  "stock_counts",
  "coverage_snapshots",
  "audit_log",
] as const;

/**
 * Grows a district's database through the core actions, day by day on the context clock: the Banan demo
 * data on the first day, the registers a district fills in its first weeks (items, villages, warehouses,
 * enterprises, agreements), then every day receipts, issues, transfers and their receipt, reservations,
 * holds, adjustments, reversals, write-offs of expired stock, stocktakes, declarations, inspections,
 * call-offs and the evening coverage snapshot. Deterministic for a seed and a last day. The database must be
 * migrated and empty.
 */
export async function simulateDistrict(
  database: ReliefDatabase,
  options: SimulationOptions,
): Promise<SimulationResult> {
  const lastDay = options.lastDay ?? addDays(localDate(new Date()), -1);
  const firstDay = addDays(lastDay, -options.days);
  const seededAt = new Date(Date.parse(districtDayStart(firstDay)) + 8 * 3_600_000);
  await seedBanan({ ctx: { db: database.db, actor: null, now: () => seededAt } });
  const admin = database.db.select().from(users).where(eq(users.username, "admin")).get();
  if (!admin) throw new Error("the Banan seed has no admin account");
  const world = new World(options.seed ?? 20_261_130, {
    userId: admin.id,
    username: admin.username,
    role: admin.role,
  });

  let flows: StockFlows | undefined;
  let care: StockCare | undefined;
  let agreements: AgreementActivity | undefined;
  // One transaction per day: the actions of the day run in savepoints, so a refused one leaves no trace.
  for (let day = 0; day <= options.days; day++) {
    database.db.transaction(
      (tx) => {
        world.beginDay(addDays(firstDay, day), day, tx);
        if (day === 0) {
          buildRegisters(world);
          flows = new StockFlows(world);
          care = new StockCare(world, flows);
          const receiver = flows;
          agreements = new AgreementActivity(world, (itemId, quantity, reference) =>
            receiver.delivery(itemId, quantity, reference),
          );
          agreements.start();
          // The first stock of the new warehouses and items, so that the days that follow have stock to move.
          for (const site of flows.sites) flows.receipt(site, "central_allocation");
        } else {
          flows?.day();
          care?.day();
          agreements?.day();
        }
        world.at(20);
        world.act("coverage.takeSnapshot", () => ensureDailySnapshot(world.ctx));
        world.endDay();
      },
      { behavior: "immediate" },
    );
    options.onDay?.(day, options.days);
  }

  const rows: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    rows[table] = (database.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  return {
    firstDay,
    lastDay,
    done: Object.fromEntries(world.done),
    seconds: Object.fromEntries([...world.spent].map(([kind, ms]) => [kind, Math.round(ms) / 1000])),
    refused: Object.fromEntries(world.refused),
    rows,
  };
}
