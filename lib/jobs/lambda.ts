import "server-only";
import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import { JobBusy, runJobMessage } from "./run";

// The job worker on AWS: sst.config.ts subscribes this function to the Jobs queue (batch size 1, partial batch
// responses). A message it reports as failed stays in the queue and comes back (after the visibility the runner set);
// after JOB_QUEUE.maxReceives receives SQS moves it to the dead-letter queue. Offline, local/job-worker.ts calls this
// same handler with the events it builds from the emulator's messages.
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse["batchItemFailures"] = [];
  for (const record of event.Records) {
    try {
      await runJobMessage({
        body: record.body,
        receiptHandle: record.receiptHandle,
        receiveCount: Number(record.attributes.ApproximateReceiveCount) || 1,
      });
    } catch (error) {
      if (!(error instanceof JobBusy)) {
        console.error(JSON.stringify({ msg: "job message failed", messageId: record.messageId, error: String(error) }));
      }
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
