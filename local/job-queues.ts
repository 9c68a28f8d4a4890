import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { startFauxqs } from "fauxqs";
import { JOB_QUEUE } from "../lib/jobs/queue-settings";

// The job queue offline: fauxqs, an SQS emulator that speaks the AWS JSON 1.0 protocol today's @aws-sdk/client-sqs
// uses (sqslite speaks only the older XML query protocol). The queues are created as sst.config.ts declares them on
// AWS: a dead-letter queue, and the jobs queue redriving to it after JOB_QUEUE.maxReceives receives.

export interface JobQueues {
  endpoint: string;
  jobsUrl: string;
  deadLetterUrl: string;
  /** The messages in the dead-letter queue (received and left there: for tests and people looking). */
  deadLetters(): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startJobQueues(options: {
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  port?: number;
}): Promise<JobQueues> {
  const server = await startFauxqs({ port: options.port ?? 0, logger: false });
  const endpoint = server.address;
  const sqs = new SQSClient({
    region: options.region,
    endpoint,
    credentials: options.credentials,
    requestHandler: new NodeHttpHandler(),
  });
  const deadLetterUrl = await queueUrl(sqs, JOB_QUEUE.deadLetterName, {
    MessageRetentionPeriod: String(JOB_QUEUE.deadLetterRetentionSeconds),
  });
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: deadLetterUrl, AttributeNames: ["QueueArn"] }),
  );
  const jobsUrl = await queueUrl(sqs, JOB_QUEUE.name, {
    VisibilityTimeout: String(JOB_QUEUE.visibilityTimeoutSeconds),
    RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: Attributes?.QueueArn,
      maxReceiveCount: JOB_QUEUE.maxReceives,
    }),
  });
  return {
    endpoint,
    jobsUrl,
    deadLetterUrl,
    async deadLetters() {
      const { Messages = [] } = await sqs.send(
        // Seen, not taken: visible again at once for the next look.
        new ReceiveMessageCommand({ QueueUrl: deadLetterUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
      );
      return Messages.map((m) => m.Body ?? "");
    },
    async stop() {
      sqs.destroy();
      await server.stop();
    },
  };
}

async function queueUrl(sqs: SQSClient, name: string, attributes: Record<string, string>): Promise<string> {
  const created = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  const url = created.QueueUrl ?? (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
  if (!url) throw new Error(`fauxqs made no URL for ${name}`);
  return url;
}
