import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

// A real OpenID Connect provider on localhost, so the offline studio and its tests sign in through the same flow as
// a company's identity provider. Any user name signs in (as <name>@onesheet.local); there are no passwords to keep.

export const LOCAL_CLIENT = { id: "onesheet-local", secret: "onesheet-local-secret" };

export interface OidcServer {
  issuer: string;
  close(): Promise<void>;
}

const title = (s: string) =>
  s.replace(/(^|[\s._-])(\w)/g, (_m, sep: string, c: string) => `${sep === "" ? "" : " "}${c.toUpperCase()}`);

export async function startOidcProvider(options: { appUrls: string[]; port?: number }): Promise<OidcServer> {
  const { createServer } = await import("node:http");
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: LOCAL_CLIENT.id,
        client_secret: LOCAL_CLIENT.secret,
        redirect_uris: options.appUrls.map((url) => `${url}/api/auth/callback/oidc`),
        post_logout_redirect_uris: options.appUrls,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    async findAccount(_ctx, id) {
      const login = id.toLowerCase().replace(/[^a-z0-9._-]/g, "") || "member";
      return {
        accountId: login,
        claims: async () => ({
          sub: login,
          email: `${login}@onesheet.local`,
          email_verified: true,
          name: title(login),
        }),
      };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: true } },
    // Put email and name in the ID token itself, as most company providers do.
    conformIdTokenClaims: false,
    cookies: { keys: ["onesheet-local-oidc-cookie-key"] },
  });
  // oidc-provider logs a warning per request for its development defaults (keys, interactions): expected here.
  provider.on("server_error", (_ctx, error) => console.error("[oidc]", error));
  server.on("request", provider.callback());
  return {
    issuer,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The app's sign-in settings for the local provider. The secret is fixed so sessions survive restarts: local only. */
export function localAuthEnv(issuer: string, appUrl: string): Record<string, string> {
  return {
    ONESHEET_OIDC_ISSUER: issuer,
    ONESHEET_OIDC_CLIENT_ID: LOCAL_CLIENT.id,
    ONESHEET_OIDC_CLIENT_SECRET: LOCAL_CLIENT.secret,
    ONESHEET_OIDC_NAME: "the local test provider (any name)",
    ONESHEET_ADMIN_EMAILS: "admin@onesheet.local",
    NEXTAUTH_SECRET: "onesheet-local-development-secret-never-for-production",
    NEXTAUTH_URL: appUrl,
  };
}
