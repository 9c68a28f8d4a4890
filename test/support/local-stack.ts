import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { afterAll, beforeAll } from "vitest";
import { upsertMember } from "@/lib/store/members";
import { createToken } from "@/lib/store/tokens";
import { localAuthEnv } from "@/local/oidc-provider";
import { LOCAL_BUCKET, type LocalStack, startLocalStack } from "@/local/stack";

// Members the tests act as, each with a personal API token: alice, bob and carol are members, admin is an admin.
export const MEMBERS = ["alice", "bob", "carol", "admin"] as const;
export type MemberName = (typeof MEMBERS)[number];
const tokens = new Map<MemberName, string>();

/** Authorization for a member (alice unless told otherwise). */
export function authHeader(as: MemberName = "alice"): Record<string, string> {
  const token = tokens.get(as);
  if (!token) throw new Error("no token yet: call withLocalStack() in the test file");
  return { authorization: `Bearer ${token}` };
}

/** A Request as a member's script would send it, with its API token. */
export function authed(url: string | URL, init: RequestInit = {}, as: MemberName = "alice"): Request {
  return new Request(url, { ...init, headers: { ...authHeader(as), ...(init.headers as Record<string, string>) } });
}

// Starts the real offline stack (s3rver, dynalite, the Bedrock emulator) for one test file, and points the app's
// configuration at it. Each file runs in its own worker, so each gets its own stack and its own config.
// Tests make requests far faster than people do: limits are out of the way unless a test sets its own.
const TEST_LIMITS = {
  ONESHEET_DAILY_BUDGET_USD: "100000",
  ONESHEET_MAX_IN_FLIGHT: "50",
  ONESHEET_REQUESTS_PER_MINUTE: "10000",
  ONESHEET_RENDERS_PER_MINUTE: "10000",
};

export function withLocalStack(options: { latencyMs?: number; env?: Record<string, string> } = {}) {
  const state = {} as { stack: LocalStack; s3: S3Client; dataDir: string };

  beforeAll(async () => {
    state.dataDir = mkdtempSync(path.join(os.tmpdir(), "onesheet-test-"));
    state.stack = await startLocalStack({ dataDir: state.dataDir, latencyMs: options.latencyMs ?? 0 });
    // Sign-in is required; API tokens stand in for sessions, so the provider itself is never called here.
    const auth = localAuthEnv("http://localhost:9", "http://studio.test");
    Object.assign(process.env, TEST_LIMITS, auth, state.stack.env, options.env);
    for (const name of MEMBERS) {
      // As a sign-in through a provider that verified the address would leave them: tokens take admin rights from it.
      await upsertMember({ sub: name, email: `${name}@onesheet.local`, name, emailVerified: true });
      tokens.set(name, (await createToken({ sub: name, email: `${name}@onesheet.local` }, "tests")).token);
    }
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
