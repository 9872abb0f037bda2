import type { LayoutProgress } from "@relief/planner";

/** A run the caller names (`runId`), to read its progress while it runs; `now` stamps when it started. */
export interface RunRef {
  id: string;
  now: () => Date;
}

/**
 * Where a named run is: waiting for the engine's thread behind `ahead` earlier jobs, or running — at `done`
 * of `total` steps of `stage` (the planner's report), since `startedAt`.
 */
export type RunProgress =
  | { state: "queued"; ahead: number }
  | ({ state: "running"; startedAt: string } & LayoutProgress);

interface Job {
  run?: RunRef;
  startedAt?: string;
  latest?: LayoutProgress;
}

/**
 * The engine's jobs in flight, in the order they were handed to it, and the latest report of each. A job
 * counts as queued until its first report: the engine reports as soon as it has read the problem. Entries
 * live only while their job is in flight (the pool's queue bounds them), so a finished run reads as unknown.
 */
export class RunBoard {
  private readonly jobs: Job[] = [];
  private readonly named = new Map<string, Job>();

  get size(): number {
    return this.jobs.length;
  }

  /** A job handed to the engine; a later run under the same id hides this one until it ends. */
  add(run: RunRef | undefined): Job {
    const job: Job = run ? { run } : {};
    this.jobs.push(job);
    if (run) this.named.set(run.id, job);
    return job;
  }

  report(job: Job, progress: LayoutProgress): void {
    job.startedAt ??= (job.run?.now() ?? new Date()).toISOString();
    job.latest = progress;
  }

  end(job: Job): void {
    this.jobs.splice(this.jobs.indexOf(job), 1);
    if (job.run && this.named.get(job.run.id) === job) this.named.delete(job.run.id);
  }

  progress(runId: string): RunProgress | null {
    const job = this.named.get(runId);
    if (!job) return null;
    if (job.startedAt === undefined || job.latest === undefined)
      return { state: "queued", ahead: this.jobs.indexOf(job) };
    return { state: "running", startedAt: job.startedAt, ...job.latest };
  }
}
