import { afterAll, beforeAll } from "vitest";
import { type JobWorker, startJobWorker } from "@/local/job-worker";

// The job worker for integration tests: the launcher's own (local/job-worker.ts), in this process, polling the test
// file's local queue and running the same handler the queue's subscriber function runs on AWS.

let running: JobWorker | undefined;
afterAll(async () => {
  await running?.stop();
  running = undefined;
});

/** Starts the worker for this file (once); it stops with the file. */
export function startWorker(): JobWorker {
  running ??= startJobWorker({ concurrency: 2 });
  return running;
}

/** A worker for every test of the file: call after withLocalStack() (its hooks run first). */
export function withJobWorker(): void {
  beforeAll(() => {
    startWorker();
  });
}

export async function stopWorker(): Promise<void> {
  await running?.stop();
  running = undefined;
}

/** Polls `read` until `done` says so (or the time runs out, with the last value in the message). */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < until) {
    last = await read();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting; last: ${JSON.stringify(last)?.slice(0, 2000)}`);
}
