import "server-only";
import type { NextAuthOptions } from "next-auth";
import { z } from "zod";
import { getAuthConfig } from "../aws/config";
import { upsertMember } from "../store/members";
import { sameSiteUrl } from "./callback";

// Auth.js (next-auth 4) with one generic OpenID Connect provider — Cognito, Entra ID, Okta, Google Workspace or the
// offline stack's own — and JWT cookie sessions, so no session table. Members are kept in DynamoDB by their `sub`.

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
  preferred_username?: string;
  /** Booleans in ID tokens; some providers send the string "true" from their userinfo endpoints. */
  email_verified?: boolean | string;
}

/** A session lasts a working day. Both the cookie and the JWT inside it say so: next-auth's JWT otherwise lives 30
 * days, and a copied cookie value would outlive the session it belongs to. */
export const SESSION_SECONDS = 12 * 60 * 60;

const verifiedClaim = z.object({ email_verified: z.union([z.boolean(), z.string()]).optional() });

const emailVerified = (profile: unknown) => {
  const parsed = verifiedClaim.safeParse(profile);
  const claim = parsed.success ? parsed.data.email_verified : undefined;
  return claim === true || claim === "true";
};

let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (options) return options;
  const config = getAuthConfig();
  options = {
    secret: config.secret,
    session: { strategy: "jwt", maxAge: SESSION_SECONDS },
    jwt: { maxAge: SESSION_SECONDS },
    pages: { signIn: "/signin" },
    providers: [
      {
        id: "oidc",
        name: config.providerName,
        type: "oauth",
        wellKnown: `${config.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        authorization: { params: { scope: "openid email profile" } },
        idToken: true,
        checks: ["pkce", "state"],
        profile(profile: OidcProfile) {
          const email = profile.email ?? "";
          return { id: profile.sub, email, name: profile.name ?? profile.preferred_username ?? email };
        },
      },
    ],
    callbacks: {
      // Auth.js's default throws on a callback URL it can't parse (a 500): ours sends anything off-site home.
      async redirect({ url, baseUrl }) {
        return sameSiteUrl(url, baseUrl);
      },
      async signIn({ user, profile }) {
        await upsertMember({
          sub: user.id,
          email: user.email ?? "",
          name: user.name ?? "",
          emailVerified: emailVerified(profile),
        });
        return true;
      },
      // The provider's word on the email is read once, at sign-in, and travels in the session token.
      async jwt({ token, profile }) {
        if (profile) token.emailVerified = emailVerified(profile);
        return token;
      },
      async session({ session, token }) {
        return {
          ...session,
          user: { ...session.user, id: token.sub ?? "", emailVerified: token.emailVerified === true },
        };
      },
    },
  };
  return options;
}
