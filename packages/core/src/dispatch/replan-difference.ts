import type { PlanShortfall, PlanView } from "./types";

/** How one area fares after a re-plan, against what the replaced plan's undeparted trips promised. */
export type ReplanChange = "unreachable" | "later" | "reached" | "same" | "earlier";

export interface ReplanAreaChange {
  areaId: number;
  /** The replaced plan's latest planned arrival there among its orders not yet departed; null if none went there. */
  before: string | null;
  /** The new plan's last arrival there; null when nothing reaches it. */
  after: string | null;
  /** after − before, in minutes (null unless both are known). */
  minutes: number | null;
  change: ReplanChange;
  /** What the new plan still cannot bring there, each with its reason and what would fix it. */
  shortfalls: PlanShortfall[];
}

const ORDER: Record<ReplanChange, number> = { unreachable: 0, later: 1, reached: 2, same: 3, earlier: 4 };

/**
 * The difference a re-plan makes, area by area: every area the replaced plan still had to reach, and every area
 * the new plan serves. An area the new plan delivers nothing to is unreachable (its shortfalls say why: a
 * closed road, no stock, no truck, too late); otherwise it arrives later, at the same minute, or earlier than
 * the replaced plan's latest undeparted arrival, or it is reached where the old trips were not going.
 */
export function replanDifference(
  undeparted: Array<{ areaId: number; plannedArrivalAt: string }>,
  view: Pick<PlanView, "outcomes" | "shortfalls">,
): ReplanAreaChange[] {
  const before = new Map<number, string>();
  for (const o of undeparted) {
    const known = before.get(o.areaId);
    if (known === undefined || o.plannedArrivalAt > known) before.set(o.areaId, o.plannedArrivalAt);
  }
  const areaIds = [...new Set([...before.keys(), ...view.outcomes.map((o) => o.areaId)])];
  const changes = areaIds.flatMap((areaId): ReplanAreaChange[] => {
    const was = before.get(areaId) ?? null;
    const after = view.outcomes.find((o) => o.areaId === areaId)?.completeAt ?? null;
    const shortfalls = view.shortfalls.filter((s) => s.areaId === areaId);
    if (after === null) {
      if (was === null && shortfalls.length === 0) return [];
      return [{ areaId, before: was, after, minutes: null, change: "unreachable", shortfalls }];
    }
    if (was === null) return [{ areaId, before: was, after, minutes: null, change: "reached", shortfalls }];
    const minutes = Math.round((Date.parse(after) - Date.parse(was)) / 60_000);
    const change = minutes > 0 ? "later" : minutes < 0 ? "earlier" : "same";
    return [{ areaId, before: was, after, minutes, change, shortfalls }];
  });
  return changes.sort(
    (a, b) => ORDER[a.change] - ORDER[b.change] || (b.minutes ?? 0) - (a.minutes ?? 0) || a.areaId - b.areaId,
  );
}
