import "server-only";
import { sendJobMessage } from "../aws/sqs";
import { dropOpenMarker, getJob, markResent, openJobs } from "../store/jobs";
import { JOB_QUEUE } from "./queue-settings";
import { giveUp } from "./run";

// Jobs the queue can no longer finish on its own, put right by the sweeper:
//  - a job whose worker died on its last allowed attempt: SQS has moved its message to the dead-letter queue, so
//    nothing will run it again; it is marked failed with the reason;
//  - a job whose message was lost (offline, the queue lives in memory and a restart empties it) or whose worker
//    died with the message still hidden for long: its message is sent again. A duplicate is harmless: a message
//    for a job that is held or finished does nothing.

/** A queued job nobody took for this long has lost its message (Lambda takes one within a second or two). */
const LOST_AFTER_MS = 10 * 60_000;

export interface JobSweep {
  resent: string[];
  gaveUp: string[];
}

export async function sweepJobs(now = Date.now()): Promise<JobSweep> {
  const result: JobSweep = { resent: [], gaveUp: [] };
  for (const open of await openJobs()) {
    const job = await getJob(open.jobId);
    if (!job || job.status === "done" || job.status === "failed") {
      await dropOpenMarker(open.createdAt, open.jobId);
      continue;
    }
    const quiet = now - Date.parse(job.updatedAt);
    const leaseOver = !job.leaseUntil || Date.parse(job.leaseUntil) < now;
    if (job.status === "running" && leaseOver && job.attempts >= JOB_QUEUE.maxReceives) {
      await giveUp(job, undefined, `Its worker stopped before finishing, ${job.attempts} times.`);
      result.gaveUp.push(job.id);
    } else if (quiet > LOST_AFTER_MS && (job.status === "queued" || leaseOver)) {
      if (await markResent(job)) {
        await sendJobMessage(JSON.stringify({ jobId: job.id }));
        result.resent.push(job.id);
      }
    }
  }
  return result;
}
