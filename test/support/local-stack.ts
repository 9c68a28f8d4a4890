import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { afterAll, beforeAll } from "vitest";
import { LOCAL_BUCKET, type LocalStack, startLocalStack } from "@/local/stack";

// Starts the real offline stack (s3rver, dynalite, the Bedrock emulator) for one test file, and points the app's
// configuration at it. Each file runs in its own worker, so each gets its own stack and its own config.
// Tests make requests far faster than people do: limits are out of the way unless a test sets its own.
const TEST_LIMITS = {
  ONESHEET_DAILY_BUDGET_USD: "100000",
  ONESHEET_MAX_IN_FLIGHT: "50",
  ONESHEET_REQUESTS_PER_MINUTE: "10000",
};

export function withLocalStack(options: { latencyMs?: number; env?: Record<string, string> } = {}) {
  const state = {} as { stack: LocalStack; s3: S3Client; dataDir: string };

  beforeAll(async () => {
    state.dataDir = mkdtempSync(path.join(os.tmpdir(), "onesheet-test-"));
    state.stack = await startLocalStack({ dataDir: state.dataDir, latencyMs: options.latencyMs ?? 0 });
    Object.assign(process.env, TEST_LIMITS, state.stack.env, options.env);
    state.s3 = new S3Client({
      region: "us-west-2",
      endpoint: state.stack.env.ONESHEET_S3_ENDPOINT,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      requestHandler: new NodeHttpHandler(),
    });
  });

  afterAll(async () => {
    await state.stack?.stop();
    rmSync(state.dataDir, { recursive: true, force: true });
  });

  return {
    get stack() {
      return state.stack;
    },
    /** Every object key in the bucket. */
    async objectKeys(): Promise<string[]> {
      const { Contents = [] } = await state.s3.send(new ListObjectsV2Command({ Bucket: LOCAL_BUCKET }));
      return Contents.map((o) => o.Key ?? "").sort();
    },
  };
}
