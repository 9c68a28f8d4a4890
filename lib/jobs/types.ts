import type { JobOutcome } from "../store/jobs";
import type { Job } from "./schema";

// What a kind of job provides to the runner (lib/jobs/run.ts), and what the runner gives it while it runs.

export interface JobRun<J extends Job> {
  /** The job as this attempt took it (steps done by earlier attempts included). */
  job: J;
  /** This attempt's holder id: the store's writes for the job are conditioned on it. */
  holder: string;
  /** Aborted when the attempt lost the job (its lease was taken over): stop, the other attempt carries on. */
  signal: AbortSignal;
}

export interface JobHandler<J extends Job> {
  /** Does the work, step by step, each step idempotent (a later attempt skips what an earlier one finished).
   * Throws an AppError for a failure worth telling the user at once (the job fails), anything else to try again. */
  run(run: JobRun<J>): Promise<JobOutcome>;
  /** The job failed for good: put its domain record right (an export says "failed" too). */
  failed?(job: J, reason: string): Promise<void>;
}
