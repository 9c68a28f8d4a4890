import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import * as boardPosters from "@/app/api/boards/[id]/posters/route";
import * as board from "@/app/api/boards/[id]/route";
import * as boards from "@/app/api/boards/route";
import * as memberToken from "@/app/api/members/[sub]/tokens/[id]/route";
import * as memberTokens from "@/app/api/members/[sub]/tokens/route";
import * as poster from "@/app/api/posters/[id]/route";
import * as posters from "@/app/api/posters/route";
import * as share from "@/app/api/shares/[token]/route";
import * as shares from "@/app/api/shares/route";
import * as spending from "@/app/api/spending/route";
import * as token from "@/app/api/tokens/[id]/route";
import * as tokens from "@/app/api/tokens/route";
import * as uploads from "@/app/api/uploads/route";
import { awsClients } from "@/lib/aws/clients";
import { getConfig } from "@/lib/aws/config";
import { authed, withLocalStack } from "../support/local-stack";

// Property-based fuzzing of every API route: ≥ 1,000 random bodies, query strings, headers and path parameters per
// route. Whatever comes in, the answer is never a 5xx, always JSON (or empty), and nothing is written unless the
// request was accepted. The per-minute limit is not what is under test here, and would only slow it down.
vi.mock("@/lib/rate-limit", () => ({ enforceRateLimit: async () => {} }));
const local = withLocalStack();

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

async function counts() {
  const { Items = [] } = await awsClients().dynamo.send(new ScanCommand({ TableName: getConfig().table }));
  const of = (prefix: string) => Items.filter((i) => String(i.pk).startsWith(prefix)).length;
  return {
    posters: of("POSTER#"),
    boards: of("BOARD#"),
    shares: of("SHARE#"),
    objects: (await local.objectKeys()).length,
  };
}

// Bodies that are mostly wrong in interesting ways: random JSON, objects with the real field names and random
// values, and text that isn't JSON at all.
const fieldNames = [
  "prompt",
  "negativePrompt",
  "model",
  "aspectRatio",
  "seed",
  "cfgScale",
  "steps",
  "stylePreset",
  "name",
  "posterIds",
  "version",
  "posterId",
  "boardId",
  "expiresInDays",
  "showPrompt",
  "favorite",
  "contentType",
  "bytes",
  "operation",
  "source",
  "__proto__",
  "constructor",
];
const json = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom(...fieldNames), fc.oneof(fc.jsonValue(), fc.string(), fc.integer(), fc.double())),
  fc.record(
    {
      prompt: fc.string({ maxLength: 30 }),
      model: fc.constantFrom("stability.stable-diffusion-xl-v1", "x"),
      seed: fc.integer(),
    },
    { requiredKeys: [] },
  ),
);
const body = fc.oneof(
  json.map((v) => JSON.stringify(v)),
  fc.string(),
  fc.constant(""),
);
const headers = fc.dictionary(
  fc.constantFrom("content-type", "accept", "origin", "x-forwarded-host", "authorization", "cookie"),
  fc.string({ maxLength: 40 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
);
const pathParam = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[A-Za-z0-9_-]{16}$/),
  fc.stringMatching(/^[A-Za-z0-9_-]{32}$/),
  fc.constant("../../etc"),
);
const query = fc.dictionary(
  fc.constantFrom("cursor", "limit", "model", "aspectRatio", "favorite", "days", "posterId", "boardId", "x"),
  fc.string({ maxLength: 40 }),
);

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(
  route: Route,
  method: string,
  init: {
    body?: string;
    headers: Record<string, string>;
    query: Record<string, string>;
    params: Record<string, string>;
  },
) {
  const url = new URL("http://studio.test/api/fuzz");
  for (const [k, v] of Object.entries(init.query)) url.searchParams.set(k, v);
  const response = await route(
    authed(url, {
      method,
      headers: init.headers,
      body: method === "GET" || method === "DELETE" ? undefined : init.body,
    }),
    { params: Promise.resolve(init.params) },
  );
  expect(response.status, `${method} answered ${response.status}`).toBeLessThan(500);
  const text = await response.text();
  if (text) {
    const type = response.headers.get("content-type") ?? "";
    expect(type, text.slice(0, 200)).toMatch(/json|csv/);
    if (type.includes("json")) JSON.parse(text);
  }
  return response.status;
}

const cases: [string, string, Route, (status: number) => Partial<Awaited<ReturnType<typeof counts>>>][] = [
  ["POST /api/posters", "POST", posters.POST as Route, (s) => (s === 201 ? { posters: 1, objects: 2 } : {})],
  ["GET /api/posters", "GET", posters.GET as Route, () => ({})],
  ["GET /api/posters/{id}", "GET", poster.GET as Route, () => ({})],
  ["PATCH /api/posters/{id}", "PATCH", poster.PATCH as Route, () => ({})],
  ["DELETE /api/posters/{id}", "DELETE", poster.DELETE as Route, () => ({})],
  ["POST /api/boards", "POST", boards.POST as Route, (s) => (s === 201 ? { boards: 1 } : {})],
  ["PATCH /api/boards/{id}", "PATCH", board.PATCH as Route, () => ({})],
  ["POST /api/boards/{id}/posters", "POST", boardPosters.POST as Route, () => ({})],
  ["POST /api/shares", "POST", shares.POST as Route, (s) => (s === 201 ? { shares: 1 } : {})],
  ["GET /api/shares", "GET", shares.GET as Route, () => ({})],
  ["DELETE /api/shares/{token}", "DELETE", share.DELETE as Route, () => ({})],
  ["GET /api/spending", "GET", spending.GET as Route, () => ({})],
  ["GET /api/tokens", "GET", tokens.GET as Route, () => ({})],
  ["POST /api/tokens", "POST", tokens.POST as Route, () => ({})],
  ["DELETE /api/tokens/{id}", "DELETE", token.DELETE as Route, () => ({})],
  // A signed upload form writes nothing: the browser's POST to S3 does, later.
  ["POST /api/uploads", "POST", uploads.POST as Route, () => ({})],
  ["GET /api/members/{sub}/tokens", "GET", memberTokens.GET as Route, () => ({})],
  ["DELETE /api/members/{sub}/tokens/{id}", "DELETE", memberToken.DELETE as Route, () => ({})],
];

describe("fuzzing the API", () => {
  it.each(cases)(
    "%s: no 5xx, JSON answers, nothing written by a rejected request",
    async (_name, method, route, grows) => {
      const before = await counts();
      const expected = { ...before };
      await fc.assert(
        fc.asyncProperty(
          body,
          headers,
          query,
          fc.record({ id: pathParam, token: pathParam, sub: fc.oneof(pathParam, fc.constant("alice")) }),
          async (b, h, q, params) => {
            const status = await call(route, method, { body: b, headers: h, query: q, params });
            for (const [k, n] of Object.entries(grows(status))) expected[k as keyof typeof expected] += n;
          },
        ),
        { numRuns: RUNS },
      );
      expect(await counts()).toEqual(expected);
    },
    240_000,
  );
});
