// What sst.config.ts declares and the server reads back at run time, named once for both. Plain data: sst.config.ts
// imports it while SST evaluates the config, so nothing here may be server-only.

/**
 * Sign-in secrets, by the `sst.Secret` name they are set with (`npx sst secret set <name> …`) and the variable the
 * server's config reads. They reach the function as links (encrypted into SST's resource file), never as plain
 * environment variables, which anyone allowed `lambda:GetFunctionConfiguration` can read.
 */
export const SIGN_IN_SECRETS = {
  OidcIssuer: { variable: "ONESHEET_OIDC_ISSUER" },
  OidcClientId: { variable: "ONESHEET_OIDC_CLIENT_ID" },
  OidcClientSecret: { variable: "ONESHEET_OIDC_CLIENT_SECRET" },
  AuthSecret: { variable: "NEXTAUTH_SECRET" },
  // Optional: a placeholder, so a deploy without admins doesn't fail with SST's SecretMissingError.
  AdminEmails: { variable: "ONESHEET_ADMIN_EMAILS", placeholder: "" },
} as const satisfies Record<string, { variable: string; placeholder?: string }>;

export type SignInSecretName = keyof typeof SIGN_IN_SECRETS;
