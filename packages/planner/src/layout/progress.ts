/**
 * What the layout engine is doing, for a page that waits on it. Stages are codes (the web words them):
 * - `boundBefore`, `boundAfter`: the flow bound of today's layout, of the advised one, scenario by scenario;
 * - `optimise`: the advice's MIP solves (the 10 % coverage when buying, the worst scenario, the weighted mean,
 *   the tidy-up), counted in solves;
 * - `planBefore`, `planAfter`: the full planner on every scenario, of today's layout, of the advised one.
 */
export const LAYOUT_STAGES = ["boundBefore", "optimise", "boundAfter", "planBefore", "planAfter"] as const;
export type LayoutStage = (typeof LAYOUT_STAGES)[number];

/** `done` of `total` steps of `stage` finished: each stage is reported from 0 to its total, in order. */
export interface LayoutProgress {
  stage: LayoutStage;
  done: number;
  total: number;
}

export type OnLayoutProgress = (progress: LayoutProgress) => void;

/** Counts the steps of one stage, reporting its start and every step; without a callback it only counts. */
export function stageCounter(
  stage: LayoutStage,
  total: number,
  onProgress: OnLayoutProgress | undefined,
): () => void {
  let done = 0;
  onProgress?.({ stage, done, total });
  return () => {
    done += 1;
    onProgress?.({ stage, done, total });
  };
}
