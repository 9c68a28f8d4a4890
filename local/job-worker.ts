import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import { handler } from "../lib/jobs/lambda";

// The job worker offline: what Lambda's SQS event source does on AWS, against the local queue — long-poll for a
// message, hand it to the same handler sst.config.ts subscribes (lib/jobs/lambda.ts) as an SQS event, delete it
// if the handler took it, leave it (to come back, or to go to the dead-letter queue) if not. `concurrency` pollers
// run side by side, as Lambda would run several invocations.
//
// `tsx --conditions=react-server local/job-worker.ts` with the app's environment (the launcher starts it).

export interface JobWorker {
  stop(): Promise<void>;
}

export function startJobWorker(options: { concurrency?: number; env?: NodeJS.ProcessEnv } = {}): JobWorker {
  const env = options.env ?? process.env;
  const queueUrl = env.ONESHEET_JOBS_QUEUE_URL;
  if (!queueUrl) throw new Error("the job worker needs ONESHEET_JOBS_QUEUE_URL");
  const sqs = new SQSClient({
    region: env.AWS_REGION ?? "us-west-2",
    endpoint: env.ONESHEET_SQS_ENDPOINT,
    requestHandler: new NodeHttpHandler(),
  });
  const stopping = new AbortController();

  async function poll() {
    while (!stopping.signal.aborted) {
      try {
        // Never aborted: a long poll given up on the client side may still take a message on the server's, which
        // would then stay hidden for the queue's whole visibility timeout. A stop waits for it instead (≤ 2 s).
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl,
            MaxNumberOfMessages: 1,
            // Long polling: the receive returns as soon as a message arrives, so a job starts within moments.
            WaitTimeSeconds: 2,
            MessageSystemAttributeNames: ["ApproximateReceiveCount", "SentTimestamp"],
          }),
        );
        if (Messages.length === 0) continue;
        if (stopping.signal.aborted) {
          // Stopping: hand them straight back for another worker.
          for (const m of Messages) {
            await sqs.send(
              new ChangeMessageVisibilityCommand({
                QueueUrl: queueUrl,
                ReceiptHandle: m.ReceiptHandle,
                VisibilityTimeout: 0,
              }),
            );
          }
          return;
        }
        const records: SQSRecord[] = Messages.map((m) => ({
          messageId: m.MessageId ?? "",
          receiptHandle: m.ReceiptHandle ?? "",
          body: m.Body ?? "",
          attributes: {
            ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount ?? "1",
            SentTimestamp: m.Attributes?.SentTimestamp ?? String(Date.now()),
            SenderId: "local",
            ApproximateFirstReceiveTimestamp: String(Date.now()),
          },
          messageAttributes: {},
          md5OfBody: m.MD5OfBody ?? "",
          eventSource: "aws:sqs",
          eventSourceARN: "arn:aws:sqs:us-west-2:000000000000:Jobs",
          awsRegion: env.AWS_REGION ?? "us-west-2",
        }));
        const event: SQSEvent = { Records: records };
        const { batchItemFailures } = await handler(event);
        const failed = new Set(batchItemFailures.map((f) => f.itemIdentifier));
        for (const record of records) {
          if (!failed.has(record.messageId)) {
            await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: record.receiptHandle }));
          }
        }
      } catch (error) {
        if (stopping.signal.aborted) return;
        console.error(`[onesheet] job worker: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  const pollers = Array.from({ length: options.concurrency ?? 2 }, () => poll());
  return {
    async stop() {
      stopping.abort();
      await Promise.allSettled(pollers);
      sqs.destroy();
    },
  };
}

// Run as a command (the launcher, a test's child process): work until told to stop.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const worker = startJobWorker({ concurrency: Number(process.env.ONESHEET_JOB_WORKERS ?? 2) });
  console.log("[onesheet] job worker: waiting for jobs");
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void worker.stop().then(() => process.exit(0)));
  }
}
