import { describe, expect, it } from "vitest";
import { parseSiteUrl } from "@/lib/aws/config";
import { checkOrigin } from "@/lib/http";

// The CSRF check compares a signed-in browser's Origin with the configured site URL, and nothing the client sends.
const SITE = "https://studio.example.com";
const session = { via: "session" as const };

const post = (headers: Record<string, string>, method = "POST") =>
  new Request("https://studio.example.com/api/boards", { method, headers });
const code = (run: () => void) => {
  try {
    run();
    return "allowed";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

describe("origin check", () => {
  it("allows the site's own origin only", () => {
    expect(code(() => checkOrigin(post({ origin: SITE }), session, SITE))).toBe("allowed");
  });

  it("refuses other sites, other schemes and ports, null and malformed origins with 403 bad_origin (never a 500)", () => {
    const refused: Record<string, string>[] = [
      {},
      { origin: "https://evil.example" },
      { origin: "http://studio.example.com" }, // right host, wrong scheme
      { origin: "https://studio.example.com:8443" },
      { origin: "null" },
      { origin: "::not a url::" },
      { origin: "https://evil.example", "x-forwarded-host": "evil.example" },
      { origin: "https://evil.example", host: "evil.example" },
    ];
    for (const headers of refused) expect(code(() => checkOrigin(post(headers), session, SITE))).toBe("bad_origin");
  });

  it("leaves safe methods and API tokens alone", () => {
    expect(code(() => checkOrigin(post({ origin: "null" }, "GET"), session, SITE))).toBe("allowed");
    expect(code(() => checkOrigin(post({}), { via: "token" }, SITE))).toBe("allowed");
  });
});

describe("site URL", () => {
  it("prefers ONESHEET_SITE_URL, falls back to NEXTAUTH_URL, and keeps only the origin", () => {
    expect(parseSiteUrl({ ONESHEET_SITE_URL: "https://posters.example.com/", NEXTAUTH_URL: "http://x.test" })).toBe(
      "https://posters.example.com",
    );
    expect(parseSiteUrl({ NEXTAUTH_URL: "http://localhost:3000/api/auth" })).toBe("http://localhost:3000");
  });

  it("says what to set when it is missing or not a web address", () => {
    expect(() => parseSiteUrl({})).toThrow(/ONESHEET_SITE_URL/);
    expect(() => parseSiteUrl({ ONESHEET_SITE_URL: "ftp://studio.example.com" })).toThrow(/ONESHEET_SITE_URL/);
  });
});
