import type { Tx } from "@relief/db";
import type { Actor, CoreContext } from "../../context";
import { addDays, districtDayStart } from "../../time";
import { prng } from "../support";

/**
 * What the simulated district's actions share: the day's transaction, the clock every action reads
 * (`ctx.now`), the seeded random numbers, and a tally of what was done and what was refused.
 */
export class World {
  readonly random: () => number;
  /** The simulated day, `YYYY-MM-DD` in district time. */
  today = "";
  dayIndex = 0;
  private clock = new Date(0);
  private tx: Tx | null = null;
  readonly done = new Map<string, number>();
  /** Milliseconds spent in each kind of action, refusals included. */
  readonly spent = new Map<string, number>();
  readonly refused = new Map<string, { count: number; first: string }>();

  constructor(
    seed: number,
    readonly admin: Actor,
  ) {
    this.random = prng(seed);
  }

  /** The context of the next action: inside the day's transaction, a few minutes after the previous one. */
  get ctx(): CoreContext {
    if (!this.tx) throw new Error("no simulated day is open");
    this.clock = new Date(this.clock.getTime() + (1 + this.int(0, 6)) * 60_000);
    const at = this.clock;
    return { db: this.tx, actor: this.admin, ip: "127.0.0.1", now: () => at };
  }

  /** The day's transaction, for the reads the simulated staff make before they act. */
  get db(): Tx {
    if (!this.tx) throw new Error("no simulated day is open");
    return this.tx;
  }

  /** Opens a district day at 08:00; actions of the day follow each other from there. */
  beginDay(date: string, dayIndex: number, tx: Tx): void {
    this.today = date;
    this.dayIndex = dayIndex;
    this.tx = tx;
    this.clock = new Date(Date.parse(districtDayStart(date)) + 8 * 3_600_000);
  }

  /** Sets the clock to a district hour of the day (the evening snapshot). */
  at(hour: number): void {
    this.clock = new Date(Date.parse(districtDayStart(this.today)) + hour * 3_600_000);
  }

  endDay(): void {
    this.tx = null;
  }

  /** Runs one action; a refusal is counted under its kind with its first message, never stops the run. */
  act<T>(kind: string, action: () => T): T | undefined {
    const started = performance.now();
    try {
      const result = action();
      this.done.set(kind, (this.done.get(kind) ?? 0) + 1);
      return result;
    } catch (error) {
      const entry = this.refused.get(kind) ?? { count: 0, first: (error as Error).message };
      entry.count++;
      this.refused.set(kind, entry);
      return undefined;
    } finally {
      this.spent.set(kind, (this.spent.get(kind) ?? 0) + performance.now() - started);
    }
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)] as T;
  }

  /** `count` distinct elements (all of them when the list is shorter). */
  sample<T>(list: readonly T[], count: number): T[] {
    const copy = [...list];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.random() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }

  /** How many times an event with this daily rate happens today (whole part always, fraction by chance). */
  times(rate: number): number {
    return Math.floor(rate) + (this.chance(rate - Math.floor(rate)) ? 1 : 0);
  }

  daysFromToday(days: number): string {
    return addDays(this.today, days);
  }
}
