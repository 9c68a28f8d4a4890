import "server-only";
import { sendJobMessage } from "../aws/sqs";
import { AppError } from "../errors";
import { newId } from "../ids";
import { dropJob, getJob, putJob } from "../store/jobs";
import type { Job } from "./schema";

// Starting a job: the job item first (so a worker that gets the message finds it), then its message on the queue.
// If the message can't be sent, the job is taken back out: nothing is left that would never run.

type NewJob = Job extends infer J
  ? J extends Job
    ? Omit<J, "id" | "status" | "createdAt" | "updatedAt" | "attempts">
    : never
  : never;

export const jobStatusUrl = (id: string) => `/api/jobs/${id}`;

export async function enqueueJob<J extends NewJob>(
  spec: J,
  options: { id?: string } = {},
): Promise<J & Pick<Job, "id" | "status" | "createdAt">> {
  const now = new Date().toISOString();
  const job = {
    ...spec,
    id: options.id ?? newId(),
    status: "queued" as const,
    createdAt: now,
    updatedAt: now,
    attempts: 0,
  };
  await putJob(job);
  try {
    await sendJobMessage(JSON.stringify({ jobId: job.id }));
  } catch (cause) {
    await dropJob(job).catch((error) =>
      console.error(JSON.stringify({ msg: "dropping an unqueued job failed", jobId: job.id, error: String(error) })),
    );
    throw new AppError("unavailable", { cause });
  }
  return job;
}

/** A job whose id is derived from its parent's step (a fan-out): started once however often the parent's step runs.
 * One that exists already is left to its own message (or, if that was lost, to the sweeper's resend). */
export async function enqueueJobOnce<J extends NewJob>(spec: J, id: string): Promise<void> {
  if (await getJob(id)) return;
  await enqueueJob(spec, { id });
}
