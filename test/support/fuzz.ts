import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { awsClients } from "@/lib/aws/clients";
import { getConfig } from "@/lib/aws/config";
import { authed } from "./local-stack";

// Property-based fuzzing of API routes: ≥ 1,000 random bodies, query strings, headers and path parameters per route.
// Whatever comes in, the answer is never a 5xx, always JSON (or empty), and nothing is written unless the request was
// accepted. The routes are fuzzed in a few files (test/integration/fuzz-*.test.ts), each on its own offline stack,
// so they run side by side; each file mocks the per-minute limit away (not what is under test, and only slower).

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

export type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Counts = { posters: number; boards: number; shares: number; objects: number };
/** A route under fuzzing: its name, method, handler, and what an answer with this status adds to the counts. */
export type FuzzCase = [string, string, Route, (status: number) => Partial<Counts>];

async function counts(objectKeys: () => Promise<string[]>): Promise<Counts> {
  const { Items = [] } = await awsClients().dynamo.send(new ScanCommand({ TableName: getConfig().table }));
  const of = (prefix: string) => Items.filter((i) => String(i.pk).startsWith(prefix)).length;
  return {
    posters: of("POSTER#"),
    boards: of("BOARD#"),
    shares: of("SHARE#"),
    objects: (await objectKeys()).length,
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

/** Fuzzes each route in turn against this file's stack (`objectKeys` lists its bucket). */
export function fuzzRoutes(cases: FuzzCase[], objectKeys: () => Promise<string[]>): void {
  describe("fuzzing the API", () => {
    it.each(cases)(
      "%s: no 5xx, JSON answers, nothing written by a rejected request",
      async (_name, method, route, grows) => {
        const before = await counts(objectKeys);
        const expected = { ...before };
        await fc.assert(
          fc.asyncProperty(
            body,
            headers,
            query,
            fc.record({ id: pathParam, token: pathParam, sub: fc.oneof(pathParam, fc.constant("alice")) }),
            async (b, h, q, params) => {
              const status = await call(route, method, { body: b, headers: h, query: q, params });
              for (const [k, n] of Object.entries(grows(status))) expected[k as keyof Counts] += n;
            },
          ),
          { numRuns: RUNS },
        );
        expect(await counts(objectKeys)).toEqual(expected);
      },
      240_000,
    );
  });
}
