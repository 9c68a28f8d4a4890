// How the job queue is set up, as plain data: sst.config.ts declares the SQS queues and the worker function from it,
// and the offline stack (local/stack.ts) creates its queues the same way, so both behave alike.

export const JOB_QUEUE = {
  /** Logical names (SST) and queue names (offline). */
  name: "Jobs",
  deadLetterName: "JobsDeadLetter",
  /** A job's message is received at most this many times; then SQS moves it to the dead-letter queue. */
  maxReceives: 3,
  /** One job per worker invocation: a job (a pack, a 300 ppi TIFF) already fills a 2 GB function. */
  batchSize: 1,
  /** The worker function's timeout (Lambda allows 15 minutes at most). */
  workerTimeoutSeconds: 15 * 60,
  /** AWS: "set the source queue's visibility timeout to at least six times the timeout that you configure on your
   * function" (Lambda's SQS event source). A worker shortens it once it has the message (a heartbeat keeps it
   * hidden while it works), so a worker that dies gives its job back within a lease, not within this. */
  visibilityTimeoutSeconds: 6 * 15 * 60,
  /** Messages a dead-letter queue keeps for people to look at: SQS's maximum, 14 days. */
  deadLetterRetentionSeconds: 14 * 24 * 3600,
} as const;
