import { afterEach, describe, expect, it } from "vitest";
import { GET as unknownRoute } from "@/app/api/[...path]/route";
import { POST as createBoard, GET as listBoards } from "@/app/api/boards/route";
import { GET as spendingCsv } from "@/app/api/spending/csv/route";
import { authed, withLocalStack } from "../support/local-stack";

// Every API answer (signed URLs, spending, errors) is marked uncacheable; HSTS goes on only for an HTTPS site.
withLocalStack();

const SITE = "http://studio.test";
const ctx = { params: Promise.resolve({ path: ["nope"] }) };

afterEach(() => {
  delete process.env.ONESHEET_SITE_URL;
});

async function answers() {
  return {
    success: await listBoards(authed(`${SITE}/api/boards`), {}),
    created: await createBoard(authed(`${SITE}/api/boards`, { method: "POST", body: '{"name":"headers"}' }), {}),
    invalid: await createBoard(authed(`${SITE}/api/boards`, { method: "POST", body: "[" }), {}),
    unauthenticated: await listBoards(new Request(`${SITE}/api/boards`), {}),
    notFound: await unknownRoute(authed(`${SITE}/api/nope`), ctx),
    csv: await spendingCsv(authed(`${SITE}/api/spending/csv`), {}),
  };
}

describe("API response headers", () => {
  it("say no-store on successes, errors, the JSON 404 and the CSV's redirect", async () => {
    const all = await answers();
    expect(Object.fromEntries(Object.entries(all).map(([k, r]) => [k, r.status]))).toEqual({
      success: 200,
      created: 201,
      invalid: 400,
      unauthenticated: 401,
      notFound: 404,
      csv: 302,
    });
    for (const [name, response] of Object.entries(all)) {
      expect(response.headers.get("cache-control"), name).toBe("no-store");
      expect(response.headers.get("strict-transport-security"), name).toBeNull(); // the offline site is http
    }
  });

  it("carry HSTS when the site is served over HTTPS, whatever the request's own headers say", async () => {
    process.env.ONESHEET_SITE_URL = "https://studio.test";
    for (const [name, response] of Object.entries(await answers())) {
      expect(response.headers.get("strict-transport-security"), name).toMatch(/^max-age=\d{7,}/);
    }
    process.env.ONESHEET_SITE_URL = SITE;
    const spoofed = await listBoards(authed(`${SITE}/api/boards`, { headers: { "x-forwarded-proto": "https" } }), {});
    expect(spoofed.headers.get("strict-transport-security")).toBeNull();
  });
});
