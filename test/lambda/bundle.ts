import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { JOB_QUEUE } from "../../lib/jobs/queue-settings";
import { LOCAL_CLIENT } from "../../local/oidc-provider";
import { LOCAL_BUCKET, LOCAL_TABLE, type LocalStack, startLocalStack } from "../../local/stack";
import { deploy } from "../support/sst-deploy";

// The Lambda bundle SST deploys (built by `npm run build:lambda` with the same OpenNext adapter), set up the way
// Lambda runs it: a copy outside the repository, the run-time environment SST gives it (built from sst.config.ts),
// and the offline stack's endpoints and credentials. Shared by the bundle's test files.

export type LambdaResult = {
  statusCode: number;
  headers: Record<string, string>;
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
};
type Handler = (event: unknown, context: unknown) => Promise<LambdaResult>;

export const SITE_HOST = "studio.example.com";
export const AUTH_SECRET = "a-session-secret-for-the-lambda-test-only";

export interface Bundle {
  stack: LocalStack;
  deployed: Awaited<ReturnType<typeof deploy>>;
  invoke(request: {
    method: string;
    path: string;
    query?: string;
    body?: unknown;
    headers?: Record<string, string>;
  }): Promise<LambdaResult>;
  stop(): Promise<void>;
}

export function event(
  method: string,
  rawPath: string,
  options: { body?: unknown; query?: string; headers?: Record<string, string>; cookies?: string[] } = {},
) {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString: options.query ?? "",
    // API Gateway v2 / Function URL events carry the request's cookies apart from its headers.
    cookies: options.cookies ?? [],
    headers: {
      host: SITE_HOST,
      "x-forwarded-proto": "https",
      "content-type": "application/json",
      ...options.headers,
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "local",
      domainName: SITE_HOST,
      domainPrefix: "studio",
      http: { method, path: rawPath, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "lambda-test" },
      requestId: `req-${Math.random()}`,
      routeKey: "$default",
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    isBase64Encoded: false,
  };
}

export async function startBundle(): Promise<Bundle> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "onesheet-lambda-"));
  const stack = await startLocalStack({ dataDir, latencyMs: 0 });
  // A copy outside the project, as Lambda has it: nothing may resolve from the repository's own node_modules.
  const fn = path.join(dataDir, "function");
  cpSync(path.resolve(".open-next/server-functions/default"), fn, { recursive: true, verbatimSymlinks: true });
  // The environment SST gives the deployed function, built from sst.config.ts: names in its environment, secrets
  // encrypted in resource.enc beside the handler (its working directory on Lambda). Only the endpoints and
  // credentials of the offline stack are added, as on any machine without AWS.
  const deployed = await deploy({
    env: { ONESHEET_DOMAIN: SITE_HOST },
    physicalNames: { Posters: LOCAL_BUCKET, Table: LOCAL_TABLE },
    queueUrls: { [JOB_QUEUE.name]: stack.env.ONESHEET_JOBS_QUEUE_URL ?? "" },
    secrets: {
      OidcIssuer: "http://localhost:9",
      OidcClientId: LOCAL_CLIENT.id,
      OidcClientSecret: LOCAL_CLIENT.secret,
      AuthSecret: AUTH_SECRET,
      AdminEmails: "",
    },
  });
  const { ONESHEET_BUCKET: _bucket, ONESHEET_TABLE: _table, ONESHEET_JOBS_QUEUE_URL: _queue, ...endpoints } = stack.env;
  for (const name of Object.keys(process.env)) if (/^(ONESHEET_|NEXTAUTH_|SST_)/.test(name)) delete process.env[name];
  Object.assign(process.env, endpoints, deployed.runtimeEnvironment(deployed.find("Nextjs"), fn));
  process.chdir(fn);
  const { handler } = (await import(path.join(fn, "index.mjs"))) as { handler: Handler };
  return {
    stack,
    deployed,
    invoke: (r) =>
      handler(event(r.method, r.path, r), {
        getRemainingTimeInMillis: () => 60_000,
      }),
    async stop() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in browser's session cookie (Auth.js's JWT, as a sign-in through the provider would have set it). */
export async function sessionCookie(member: { sub: string; email: string; name: string }): Promise<string> {
  const value = await encode({
    token: { sub: member.sub, email: member.email, name: member.name, emailVerified: true },
    secret: AUTH_SECRET,
    maxAge: 12 * 3600,
  });
  // The site is https: Auth.js names its cookie with the __Secure- prefix.
  return `__Secure-next-auth.session-token=${value}`;
}

export const text = (r: LambdaResult) => (r.isBase64Encoded ? Buffer.from(r.body, "base64").toString("utf8") : r.body);
export const json = (r: LambdaResult) => JSON.parse(text(r));
