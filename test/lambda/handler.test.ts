import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { LOCAL_CLIENT } from "../../local/oidc-provider";
import { LOCAL_BUCKET, LOCAL_TABLE, type LocalStack, startLocalStack } from "../../local/stack";
import { deploy } from "../support/sst-deploy";

// The Lambda bundle SST deploys (built by `npm run build:lambda` with the same OpenNext adapter), called the way
// Lambda calls it: with Function URL / API Gateway v2 events, against the offline stack. The closest thing to
// "it runs on Lambda" that can be checked without AWS.

type LambdaResult = { statusCode: number; headers: Record<string, string>; body: string; isBase64Encoded: boolean };
type Handler = (event: unknown, context: unknown) => Promise<LambdaResult>;

let stack: LocalStack;
let dataDir: string;
let handler: Handler;
let token: string;

function event(method: string, rawPath: string, body?: unknown, query = "") {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString: query,
    cookies: [],
    headers: {
      host: "studio.example.com",
      "x-forwarded-proto": "https",
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "local",
      domainName: "studio.example.com",
      domainPrefix: "studio",
      http: { method, path: rawPath, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "lambda-test" },
      requestId: `req-${Math.random()}`,
      routeKey: "$default",
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
  };
}

const invoke = (...args: Parameters<typeof event>) =>
  handler(event(...args), { getRemainingTimeInMillis: () => 60_000 });
const text = (r: LambdaResult) => (r.isBase64Encoded ? Buffer.from(r.body, "base64").toString("utf8") : r.body);
const json = (r: LambdaResult) => JSON.parse(text(r));

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "onesheet-lambda-"));
  stack = await startLocalStack({ dataDir, latencyMs: 0 });
  // A copy outside the project, as Lambda has it: nothing may resolve from the repository's own node_modules.
  const fn = path.join(dataDir, "function");
  cpSync(path.resolve(".open-next/server-functions/default"), fn, { recursive: true, verbatimSymlinks: true });
  // The environment SST gives the deployed function, built from sst.config.ts: names in its environment, secrets
  // encrypted in resource.enc beside the handler (its working directory on Lambda). Only the endpoints and
  // credentials of the offline stack are added, as on any machine without AWS.
  const deployed = await deploy({
    env: { ONESHEET_DOMAIN: "studio.example.com" },
    physicalNames: { Posters: LOCAL_BUCKET, Table: LOCAL_TABLE },
    secrets: {
      OidcIssuer: "http://localhost:9",
      OidcClientId: LOCAL_CLIENT.id,
      OidcClientSecret: LOCAL_CLIENT.secret,
      AuthSecret: "a-session-secret-for-the-lambda-test-only",
      AdminEmails: "",
    },
  });
  const { ONESHEET_BUCKET: _bucket, ONESHEET_TABLE: _table, ...endpoints } = stack.env;
  for (const name of Object.keys(process.env)) if (/^(ONESHEET_|NEXTAUTH_|SST_)/.test(name)) delete process.env[name];
  Object.assign(process.env, endpoints, deployed.runtimeEnvironment(deployed.find("Nextjs"), fn));
  process.chdir(fn);
  ({ handler } = (await import(path.join(fn, "index.mjs"))) as { handler: Handler });
  // A script's API token, made with the app's own store code (the bundle has its own copy; both talk to dynalite).
  const { createToken } = await import("../../lib/store/tokens");
  token = (await createToken({ sub: "lambda", email: "lambda@onesheet.local" }, "lambda test")).token;
});

after(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the Lambda bundle", () => {
  it("sends a signed-out visitor from the studio to sign in, and serves the sign-in page", async () => {
    const saved = token;
    token = "";
    try {
      const result = await invoke("GET", "/");
      assert.equal(result.statusCode, 307);
      assert.match(result.headers.location ?? "", /\/signin\?callbackUrl=%2F$/);
      const signin = await invoke("GET", "/signin");
      assert.equal(signin.statusCode, 200);
      assert.match(text(signin), /Sign in with (<!-- -->)?your company account/);
      assert.match(signin.headers["content-security-policy"] ?? "", /script-src 'self' 'nonce-/);
      assert.equal((await invoke("GET", "/api/posters")).statusCode, 401);
    } finally {
      token = saved;
    }
  });

  it("generates a poster through POST /api/posters and answers JSON errors", async () => {
    const created = await invoke("POST", "/api/posters", { prompt: "a lighthouse on Lambda", seed: 9 });
    assert.equal(created.statusCode, 201, text(created));
    const poster = json(created);
    assert.equal(poster.seed, 9);
    assert.equal((await fetch(poster.url)).status, 200);

    const invalid = await invoke("POST", "/api/posters", { prompt: "" });
    assert.equal(invalid.statusCode, 400);
    assert.equal(json(invalid).error.fields.prompt, "Describe the poster: the prompt can't be empty.");
  });

  it("composes a poster's typography with the fonts shipped in the bundle", async () => {
    const poster = json(await invoke("POST", "/api/posters", { prompt: "typography on Lambda", seed: 5 }));
    const design = { template: "classic", title: "Lambda Nights", billing: "A SERVERLESS PRODUCTION" };
    const saved = await invoke("PUT", `/api/posters/${poster.id}/design`, design);
    assert.equal(saved.statusCode, 200, text(saved));
    const { poster: designed } = json(saved);
    assert.match(designed.url, /composed-/);
    assert.equal((await fetch(designed.url)).headers.get("content-type"), "image/png");
  });

  it("serves a share page, and the same 404 for a bad token", async () => {
    const poster = json(await invoke("POST", "/api/posters", { prompt: "shared from Lambda" }));
    const share = json(await invoke("POST", "/api/shares", { posterId: poster.id }));
    assert.equal(share.url, `https://studio.example.com/s/${share.token}`);
    const page = await invoke("GET", `/s/${share.token}`);
    assert.equal(page.statusCode, 200);
    assert.match(text(page), /og:image/);
    assert.equal(page.headers["referrer-policy"], "no-referrer");
    const image = await invoke("GET", `/s/${share.token}/image`);
    assert.equal(image.statusCode, 302);
    assert.equal((await fetch(image.headers.location as string)).headers.get("content-type"), "image/png");
    assert.equal((await invoke("GET", `/s/${"x".repeat(32)}`)).statusCode, 404);
  });
});
