import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { deploy } from "./support/sst-deploy";

// The server function's configuration as it really is on AWS: the environment SST gives the deployed function (the
// component's `environment`, SST_RESOURCE_App, SST_KEY, SST_KEY_FILE) and the encrypted resource file with the
// linked values — built from sst.config.ts, not written by hand. Nothing else is set: no SST_RESOURCE_<link>.

const SECRETS = {
  OidcIssuer: "https://login.example.com/tenant",
  OidcClientId: "studio-client",
  OidcClientSecret: "linked-client-secret",
  AuthSecret: "a-linked-session-secret-of-forty-chars!!",
  AdminEmails: "Boss@Example.com",
};

let env: Record<string, string>;
let names: { bucket: string; table: string };

beforeAll(async () => {
  const deployed = await deploy({ secrets: SECRETS, env: { ONESHEET_DOMAIN: "studio.example.com" } });
  const dir = mkdtempSync(path.join(os.tmpdir(), "onesheet-fn-"));
  env = deployed.runtimeEnvironment(deployed.find("Nextjs"), dir);
  names = {
    bucket: (deployed.find("Bucket").resource as { name: string }).name,
    table: (deployed.find("Dynamo").resource as { name: string }).name,
  };
  // Lambda starts the function in its task root, where SST puts resource.enc; nothing of this test's own
  // environment may leak in.
  process.chdir(dir);
  for (const name of Object.keys(process.env)) if (/^(ONESHEET_|NEXTAUTH_|SST_)/.test(name)) delete process.env[name];
  Object.assign(process.env, env);
});

describe("the deployed server's configuration", () => {
  it("gets no SST_RESOURCE_<link> variables and no secret in plain environment variables", () => {
    expect(Object.keys(env).filter((k) => k.startsWith("SST_RESOURCE_"))).toEqual(["SST_RESOURCE_App"]);
    for (const value of Object.values(SECRETS)) expect(Object.values(env)).not.toContain(value);
  });

  it("finds the real bucket and table, by their physical names", async () => {
    const { getConfig } = await import("@/lib/aws/config");
    const config = getConfig();
    expect(config.bucket).toBe(names.bucket);
    expect(config.table).toBe(names.table);
    expect(config.bucket).not.toBe("Posters");
  });

  it("knows the site's address, for Origin checks and share links", async () => {
    const { getSiteUrl } = await import("@/lib/aws/config");
    expect(getSiteUrl()).toBe("https://studio.example.com");
  });

  it("reads the sign-in secrets from SST's encrypted links", async () => {
    const { getAuthConfig } = await import("@/lib/aws/config");
    expect(getAuthConfig()).toMatchObject({
      issuer: SECRETS.OidcIssuer,
      clientId: SECRETS.OidcClientId,
      clientSecret: SECRETS.OidcClientSecret,
      secret: SECRETS.AuthSecret,
      adminEmails: ["boss@example.com"],
    });
  });
});
