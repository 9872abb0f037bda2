/**
 * The planner's objective, in one place: people served, then progress (people covered per item group, a
 * tie-breaker for points served from several depots), then — for the relief objective — the plan's latest
 * arrival, then km. Never weighted together. Construction, the large-neighbourhood search and the local search
 * all compare solutions and moves with these functions, so they cannot drift apart.
 */

/** Differences up to this much in progress, minutes or km are float noise, not a change. */
export const TOLERANCE = 1e-9;

/** 1 when (served, progress) a is better than b, −1 when worse, 0 when they count as equal. */
export function compareServed(
  servedA: number,
  progressA: number,
  servedB: number,
  progressB: number,
): number {
  if (servedA !== servedB) return servedA > servedB ? 1 : -1;
  if (Math.abs(progressA - progressB) > TOLERANCE) return progressA > progressB ? 1 : -1;
  return 0;
}

/**
 * Whether a is strictly better than b in the lexicographic order. Takes the figures as numbers, not objects,
 * so that the hot loops can compare candidates they never build. Candidate insertions compare km with
 * `kmTolerance` 0: ties between positions then go to the later position on the smallest float difference,
 * which the construction has always done (changing it changes every plan).
 */
export function better(
  relief: boolean,
  servedA: number,
  progressA: number,
  latestA: number,
  kmA: number,
  servedB: number,
  progressB: number,
  latestB: number,
  kmB: number,
  kmTolerance = TOLERANCE,
): boolean {
  const s = compareServed(servedA, progressA, servedB, progressB);
  if (s !== 0) return s > 0;
  if (relief && Math.abs(latestA - latestB) > TOLERANCE) return latestA < latestB;
  return kmA < kmB - kmTolerance;
}
