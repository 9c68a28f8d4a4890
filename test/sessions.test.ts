import { createRequire } from "node:module";
import path from "node:path";
import type { CallbacksOptions, NextAuthOptions } from "next-auth";
import { decode, type JWTOptions } from "next-auth/jwt";
import { getServerSession } from "next-auth/next";
import { beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { memberFromSession } from "@/lib/identity";
import { localAuthEnv } from "@/local/oidc-provider";

// Session cookies as next-auth makes them at sign-in and reads them on each request, with our options: how long they
// last, and who is an admin.

// next-auth's own option assembly (defaults merged with ours), as its routes run it; not in its package exports.
const require = createRequire(import.meta.url);
const { init } = require(path.join(path.dirname(require.resolve("next-auth")), "core/init.js")) as {
  init: (params: Record<string, unknown>) => Promise<{ options: { callbacks: CallbacksOptions; jwt: JWTOptions } }>;
};

const SITE = "http://studio.test";
const TWELVE_HOURS = 12 * 60 * 60;

beforeAll(() => {
  Object.assign(process.env, localAuthEnv("http://localhost:9", SITE));
});

/** What next-auth's OAuth callback does once the provider has answered: the jwt callback, then encode. */
async function signInCookie(profile: Record<string, unknown>): Promise<string> {
  const { options } = await init({
    authOptions: authOptions(),
    providerId: "oidc",
    action: "callback",
    origin: SITE,
    cookies: {},
    isPost: false,
  });
  const user = { id: String(profile.sub), email: String(profile.email), name: "Someone" };
  const token = await options.callbacks.jwt({
    token: { sub: user.id, email: user.email, name: user.name },
    user,
    account: { provider: "oidc", type: "oauth", providerAccountId: user.id },
    profile: profile as never,
    isNewUser: false,
    trigger: "signIn",
  });
  return options.jwt.encode({ ...options.jwt, token });
}

async function memberOf(cookie: string) {
  const res = { getHeader() {}, setCookie() {}, setHeader() {} };
  const session = await getServerSession(
    { headers: {}, cookies: { "next-auth.session-token": cookie } } as never,
    res as never,
    authOptions() as NextAuthOptions,
  );
  return memberFromSession(session);
}

describe("sessions", () => {
  it("ends the session token itself after 12 hours, not next-auth's default 30 days", async () => {
    const cookie = await signInCookie({ sub: "alice", email: "alice@onesheet.local", email_verified: true });
    const payload = await decode({ token: cookie, secret: process.env.NEXTAUTH_SECRET as string });
    const lifetime = Number(payload?.exp) - Number(payload?.iat);
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(TWELVE_HOURS);
  });

  it("makes an admin by email only when the provider verified the email", async () => {
    const admin = { sub: "admin", email: "admin@onesheet.local" };
    expect(await memberOf(await signInCookie({ ...admin, email_verified: true }))).toMatchObject({
      sub: "admin",
      isAdmin: true,
    });
    for (const claim of [false, undefined, "false"]) {
      const member = await memberOf(await signInCookie({ ...admin, sub: "impostor", email_verified: claim }));
      expect(member).toMatchObject({ sub: "impostor", email: "admin@onesheet.local", isAdmin: false });
    }
    // Some providers send the claim as a string.
    expect((await memberOf(await signInCookie({ ...admin, email_verified: "true" })))?.isAdmin).toBe(true);
  });
});
