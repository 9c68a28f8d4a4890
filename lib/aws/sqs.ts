import "server-only";
import { ChangeMessageVisibilityCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import { awsClients } from "./clients";
import { getConfig } from "./config";

// The job queue (SQS): a message names a job; the job itself lives in DynamoDB (lib/store/jobs.ts).

export async function sendJobMessage(body: string): Promise<void> {
  await awsClients().sqs.send(new SendMessageCommand({ QueueUrl: getConfig().jobsQueueUrl, MessageBody: body }));
}

/** Keeps a received message hidden from other workers for `seconds` more (a heartbeat), or, with a short time,
 * hands it back for a retry soon. */
export async function setMessageVisibility(receiptHandle: string, seconds: number): Promise<void> {
  await awsClients().sqs.send(
    new ChangeMessageVisibilityCommand({
      QueueUrl: getConfig().jobsQueueUrl,
      ReceiptHandle: receiptHandle,
      VisibilityTimeout: seconds,
    }),
  );
}
