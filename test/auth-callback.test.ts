import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sameSitePath, withSameSiteCallback } from "@/lib/auth/callback";
import { authOptions } from "@/lib/auth/options";
import { localAuthEnv } from "@/local/oidc-provider";

// A sign-in link carries a callbackUrl: whatever it says, people end up on this site, and the server never errs.
const SITE = "http://studio.test";

type AuthHandler = (params: {
  req: Record<string, unknown>;
  options: ReturnType<typeof authOptions>;
}) => Promise<{ status?: number; redirect?: string; cookies?: { name: string; value: string }[] }>;

// Auth.js's core, which its route handler calls; its package exports don't list it, so it is loaded by path.
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler: AuthHandler;
};

beforeAll(() => {
  Object.assign(process.env, localAuthEnv("http://localhost:9", SITE));
});

/** GET /api/auth/signin?callbackUrl=… as our route hands it to Auth.js's core. */
async function signInPage(callbackUrl: string) {
  const raw = new Request(`${SITE}/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const request = withSameSiteCallback(raw, SITE, (url, from) => new Request(url, from));
  const response = await AuthHandler({
    req: {
      action: "signin",
      method: "GET",
      query: Object.fromEntries(new URL(request.url).searchParams),
      cookies: {},
      headers: {},
      origin: SITE,
    },
    options: authOptions(),
  });
  return { status: response.status ?? 200, redirect: response.redirect ?? "", cookies: response.cookies ?? [] };
}

describe("sign-in callback URLs", () => {
  const offSite = [
    "\\\\evil.com",
    "//evil.com",
    "/\\evil.com",
    "https://evil.com/x",
    "javascript:alert(1)",
    "http://[bad",
  ];

  it("send anything off-site home, without an error", async () => {
    for (const url of offSite) {
      const { status, redirect, cookies } = await signInPage(url);
      expect(status, url).toBeLessThan(400);
      expect(redirect, url).toMatch(/^\/signin|^http:\/\/studio\.test\//);
      const kept = cookies.find((c) => c.name.includes("callback-url"))?.value;
      expect(kept, url).toBe(`${SITE}/`);
    }
  });

  it("keep a same-site callback", async () => {
    const { cookies } = await signInPage(`${SITE}/posters/abc?x=1`);
    expect(cookies.find((c) => c.name.includes("callback-url"))?.value).toBe(`${SITE}/posters/abc?x=1`);
  });

  it("give the sign-in page only same-site paths", () => {
    for (const url of offSite) expect(sameSitePath(url), url).toBe("/");
    expect(sameSitePath("/boards/b1?tab=2#top")).toBe("/boards/b1?tab=2#top");
    expect(sameSitePath(["/x"])).toBe("/");
  });
});
