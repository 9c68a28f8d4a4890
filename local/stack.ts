import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
} from "@aws-sdk/client-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import dynalite from "dynalite";
import S3rver from "s3rver";
import { TABLE_KEYS } from "../lib/store/table";
import { startBedrockEmulator } from "./bedrock-emulator";
import { startDynamoProxy } from "./dynamo-proxy";
import { type JobQueues, startJobQueues } from "./job-queues";

// The offline stack: real HTTP servers speaking AWS's wire protocols (s3rver for S3, dynalite for DynamoDB, fauxqs for
// SQS, our Bedrock emulator), dynalite behind a proxy that adds DynamoDB's transactions, with the data of S3 and
// DynamoDB in one folder so posters survive restarts (the queue is in memory: the sweeper sends again what a restart
// lost). The app only ever sees the endpoints and dummy credentials in `env`: it has no idea it is offline.

export const LOCAL_BUCKET = "onesheet-posters";
export const LOCAL_TABLE = "onesheet";
const REGION = "us-west-2";
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface LocalStack {
  env: Record<string, string>;
  emulator: Awaited<ReturnType<typeof startBedrockEmulator>>;
  queues: JobQueues;
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  dataDir: string;
  latencyMs?: number;
  /** Origins whose pages may send files straight to the bucket (the studio's address); default any, as SST's
   * default bucket CORS. */
  browserOrigins?: string[];
  /** Fixed ports for a stable dev setup; 0 (default) picks free ones. */
  ports?: { s3?: number; dynamodb?: number; bedrock?: number; sqs?: number };
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return (server.address() as AddressInfo).port;
}

/** Creates the table the way sst.config.ts declares it, unless it already exists. */
export async function createTable(endpoint: string, table: string) {
  const client = new DynamoDBClient({
    region: REGION,
    endpoint,
    credentials: CREDENTIALS,
    requestHandler: new NodeHttpHandler(),
  });
  const { partitionKey, sortKey, indexes } = TABLE_KEYS;
  const attributes = [partitionKey, sortKey, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  try {
    await client.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: attributes.map((AttributeName) => ({ AttributeName, AttributeType: "S" })),
        KeySchema: [
          { AttributeName: partitionKey, KeyType: "HASH" },
          { AttributeName: sortKey, KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: indexes.map((i) => ({
          IndexName: i.name,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: "HASH" },
            { AttributeName: i.sortKey, KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        })),
      }),
    );
    // dynalite answers CreateTable with the table CREATING and turns it ACTIVE on a timer of its own; until then
    // every read and write is ResourceNotFoundException. On a busy machine the first write can beat that timer.
    for (let waited = 0; ; waited += 10) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
      if (Table?.TableStatus === "ACTIVE") break;
      if (waited > 10_000) throw new Error(`table ${table} is still ${Table?.TableStatus} after 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  } finally {
    client.destroy();
  }
}

/** The bucket's CORS rules: without a matching one s3rver sends no Access-Control-Allow-Origin, and the browser
 * hides the answer to its upload (a multipart POST needs no preflight, so the file would land unseen). */
export function corsConfig(origins: readonly string[]): string {
  const rules = origins.map(
    (origin) =>
      `<CORSRule><AllowedOrigin>${origin}</AllowedOrigin><AllowedMethod>POST</AllowedMethod>` +
      "<AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader>" +
      "<ExposeHeader>ETag</ExposeHeader></CORSRule>",
  );
  return `<CORSConfiguration>${rules.join("")}</CORSConfiguration>`;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const s3Dir = path.join(options.dataDir, "s3");
  const dynamoDir = path.join(options.dataDir, "dynamodb");
  mkdirSync(s3Dir, { recursive: true });
  mkdirSync(dynamoDir, { recursive: true });

  const s3 = new S3rver({
    address: "127.0.0.1",
    port: options.ports?.s3 ?? 0,
    silent: true,
    directory: s3Dir,
    configureBuckets: [{ name: LOCAL_BUCKET, configs: [corsConfig(options.browserOrigins ?? ["*"])] }],
  });
  const s3Port = (await s3.run()).port;
  const dynamo = dynalite({ path: dynamoDir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const dynaliteUrl = `http://127.0.0.1:${await listen(dynamo, 0)}`;
  const proxy = await startDynamoProxy(dynaliteUrl, options.ports?.dynamodb ?? 0);
  const emulator = await startBedrockEmulator({ port: options.ports?.bedrock ?? 0, latencyMs: options.latencyMs });

  const queues = await startJobQueues({ region: REGION, credentials: CREDENTIALS, port: options.ports?.sqs ?? 0 });

  const dynamoEndpoint = proxy.url;
  await createTable(dynamoEndpoint, LOCAL_TABLE);

  return {
    env: {
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      ONESHEET_BUCKET: LOCAL_BUCKET,
      ONESHEET_TABLE: LOCAL_TABLE,
      ONESHEET_S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
      ONESHEET_DYNAMODB_ENDPOINT: dynamoEndpoint,
      ONESHEET_BEDROCK_ENDPOINT: emulator.url,
      ONESHEET_SQS_ENDPOINT: queues.endpoint,
      ONESHEET_JOBS_QUEUE_URL: queues.jobsUrl,
    },
    emulator,
    queues,
    async stop() {
      await emulator.close();
      await queues.stop();
      s3.httpServer?.closeAllConnections();
      await s3.close();
      await new Promise<void>((resolve) => {
        proxy.server.closeAllConnections();
        proxy.server.close(() => resolve());
      });
      await new Promise<void>((resolve) => {
        dynamo.closeAllConnections();
        dynamo.close(() => resolve());
      });
    },
  };
}
