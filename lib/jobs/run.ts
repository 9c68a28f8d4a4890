import "server-only";
import { randomUUID } from "node:crypto";
import { getConfig } from "../aws/config";
import { setMessageVisibility } from "../aws/sqs";
import { errorFacts } from "../error-facts";
import { AppError } from "../errors";
import { jobNotices } from "../notifications/notices";
import { claimJob, finishJob, getJob, type JobOutcome, recordAttemptError, renewLease } from "../store/jobs";
import { isTransient } from "./errors";
import { jobHandlers } from "./handlers";
import { JOB_QUEUE } from "./queue-settings";
import { type Job, jobMessageSchema } from "./schema";

// One received message, run: the same code on Lambda (lib/jobs/lambda.ts, SQS's event source) and offline
// (local/job-worker.ts, polling the emulator). A message only names its job; the job's state is in the table, so any
// number of deliveries of it make the job once:
//  - a finished job's message is acknowledged and nothing runs;
//  - a job is taken with a lease in the table and the message kept hidden for as long (a heartbeat renews both), so
//    a worker that dies gives the job back within one lease, and the next delivery carries on from its steps;
//  - a failure the user should hear about (a filtered image, a deleted poster) ends the job at once; anything else
//    is tried again, and on the last allowed receive the job is marked failed with the reason before the message goes
//    to the dead-letter queue.

export interface ReceivedMessage {
  body: string;
  receiptHandle: string;
  /** SQS's ApproximateReceiveCount: 1 on the first delivery. */
  receiveCount: number;
}

/** Thrown to leave a message for later (the job is held by a live worker): not an error of the job's. */
export class JobBusy extends Error {}

const sentence = (error: unknown) => (error instanceof AppError ? error.message : String(error));

/** Back soon for another try (seconds, growing), not after the queue's whole visibility timeout. */
const retrySoon = (message: ReceivedMessage) =>
  setMessageVisibility(message.receiptHandle, Math.min(5 * message.receiveCount, getConfig().jobLeaseSeconds)).catch(
    () => {},
  );

export async function runJobMessage(message: ReceivedMessage): Promise<void> {
  try {
    await runJob(message);
  } catch (error) {
    // Whatever failed before the job was taken (a message that names no job, the table unreachable) comes back soon
    // too; a job that was taken has set its own visibility already.
    if (!(error instanceof JobBusy) && !(error instanceof AttemptFailed)) await retrySoon(message);
    throw error instanceof AttemptFailed ? error.cause : error;
  }
}

/** An attempt at a job that failed after taking it (its message's visibility is already set). */
class AttemptFailed extends Error {}

async function runJob(message: ReceivedMessage): Promise<void> {
  const parsed = jobMessageSchema.safeParse(safeJson(message.body));
  // A message that names no job can't be put right by trying again: it fails every time and ends in the DLQ.
  if (!parsed.success) throw new Error(`not a job message: ${message.body.slice(0, 200)}`);
  const job = await getJob(parsed.data.jobId);
  if (!job) {
    console.warn(JSON.stringify({ msg: "job message for no job", jobId: parsed.data.jobId }));
    return;
  }
  if (job.status === "done" || job.status === "failed") return;

  const { jobLeaseSeconds } = getConfig();
  const holder = randomUUID();
  const leaseEnd = () => new Date(Date.now() + jobLeaseSeconds * 1000);
  const claimed = await claimJob(job.id, holder, new Date(), leaseEnd(), message.receiveCount);
  if (!claimed) {
    // Someone holds it and is alive: look again when their lease would have run out.
    await setMessageVisibility(message.receiptHandle, jobLeaseSeconds).catch(() => {});
    throw new JobBusy(`job ${job.id} is held by another worker`);
  }
  await setMessageVisibility(message.receiptHandle, jobLeaseSeconds);

  const lost = new AbortController();
  const heartbeat = setInterval(
    () => {
      void (async () => {
        if (!(await renewLease(job.id, holder, leaseEnd()))) lost.abort(new Error("lease lost"));
        else await setMessageVisibility(message.receiptHandle, jobLeaseSeconds);
      })().catch((error) =>
        console.error(JSON.stringify({ msg: "heartbeat failed", jobId: job.id, error: String(error) })),
      );
    },
    Math.max(1000, (jobLeaseSeconds * 1000) / 3),
  );
  const log = (msg: string, extra: object = {}) =>
    console.log(JSON.stringify({ msg, jobId: job.id, type: job.type, attempt: message.receiveCount, ...extra }));
  log("job started");
  try {
    const outcome = await jobHandlers.run({ job: claimed, holder, signal: lost.signal });
    if (await finishJob(claimed, holder, outcome, jobNotices(claimed, outcome))) log(`job ${outcome.status}`);
    if (outcome.status === "failed") await jobHandlers.failed(claimed, outcome.error.message);
  } catch (error) {
    if (lost.signal.aborted) throw new JobBusy(`job ${job.id} was taken over`);
    console.error(
      JSON.stringify({
        msg: "job attempt failed",
        jobId: job.id,
        attempt: message.receiveCount,
        error: String(error),
        stack: errorFacts(error).stack,
      }),
    );
    if (!isTransient(error) && error instanceof AppError) {
      const failed: JobOutcome = { status: "failed", error: { code: error.code, message: error.message } };
      await finishJob(claimed, holder, failed, jobNotices(claimed, failed));
      await jobHandlers.failed(claimed, error.message);
      return;
    }
    if (message.receiveCount >= JOB_QUEUE.maxReceives) {
      await giveUp(claimed, holder, `It failed ${message.receiveCount} times: ${sentence(error)}`);
    } else {
      await recordAttemptError(job.id, holder, sentence(error));
    }
    await retrySoon(message);
    throw new AttemptFailed("attempt failed", { cause: error });
  } finally {
    clearInterval(heartbeat);
  }
}

/** Ends a job that can't finish, for good, with the reason (its message goes on to the dead-letter queue). */
export async function giveUp(job: Job, holder: string | undefined, reason: string): Promise<void> {
  const message = `The job couldn't be finished. ${reason}`;
  const outcome: JobOutcome = { status: "failed", error: { code: "job_failed", message } };
  if (await finishJob(job, holder, outcome, jobNotices(job, outcome))) await jobHandlers.failed(job, message);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
