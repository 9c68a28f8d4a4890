import { beforeAll, describe, expect, it } from "vitest";
import { TABLE_KEYS } from "@/lib/store/table";

// SST's CLI downloads Pulumi and can't run here, so sst.config.ts is evaluated with SST's globals stubbed, and what
// it declares is checked against what the app expects.

type Declared = { type: string; name: string; args: Record<string, unknown> };
const declared: Declared[] = [];

function component(type: string) {
  return class {
    name: string;
    url = `https://${type}.example`;
    constructor(name: string, args: Record<string, unknown> = {}) {
      this.name = name;
      declared.push({ type, name, args });
    }
  };
}

let config: { app: (input: { stage: string }) => Record<string, unknown>; run: () => Promise<unknown> };

beforeAll(async () => {
  Object.assign(globalThis, {
    $config: (c: unknown) => c,
    sst: {
      aws: { Bucket: component("Bucket"), Dynamo: component("Dynamo"), Nextjs: component("Nextjs") },
      Secret: class {
        value: string;
        constructor(name: string, fallback?: string) {
          this.value = `secret:${name}`;
          declared.push({ type: "Secret", name, args: { fallback } });
        }
      },
    },
  });
  // A computed path, so the type checkers don't follow it into a file typed only by SST's downloaded platform.
  const file = "../sst.config";
  config = ((await import(/* @vite-ignore */ file)) as { default: typeof config }).default;
  await config.run();
});

const find = (type: string) => declared.find((d) => d.type === type)!;

describe("sst.config.ts", () => {
  it("retains and protects production data, and removes other stages", () => {
    expect(config.app({ stage: "production" })).toMatchObject({ removal: "retain", protect: true, home: "aws" });
    expect(config.app({ stage: "dev" })).toMatchObject({ removal: "remove", protect: false });
    expect(config.app({ stage: "dev" })).toMatchObject({ providers: { aws: { region: "us-west-2" } } });
  });

  it("declares a private bucket named as the app's config expects (Posters)", () => {
    const bucket = find("Bucket");
    expect(bucket.name).toBe("Posters");
    expect(bucket.args).not.toHaveProperty("access"); // no public access
  });

  it("declares the table with exactly the keys and index the app queries (linked as Table)", () => {
    const table = find("Dynamo");
    expect(table.name).toBe("Table");
    expect(table.args.primaryIndex).toEqual({ hashKey: TABLE_KEYS.partitionKey, rangeKey: TABLE_KEYS.sortKey });
    expect(table.args.globalIndexes).toEqual({ gsi1: { hashKey: "gsi1pk", rangeKey: "gsi1sk" } });
    expect(Object.keys(table.args.fields as object).sort()).toEqual(["gsi1pk", "gsi1sk", "pk", "sk"]);
    expect(table.args.ttl).toBe(TABLE_KEYS.ttlAttribute);
  });

  it("links both to the Next.js app, with a 60 s server and Bedrock limited to the catalogue's models", () => {
    const site = find("Nextjs");
    const links = site.args.link as { name: string }[];
    expect(links.map((l) => l.name)).toEqual(["Posters", "Table"]);
    expect(site.args.server).toMatchObject({ timeout: "60 seconds", architecture: "x86_64" });
    expect(site.args.permissions).toEqual([
      {
        actions: ["bedrock:InvokeModel"],
        // Literal on purpose: SDXL 1.0 is retired, so it has no grant.
        resources: [
          "arn:aws:bedrock:us-west-2::foundation-model/stability.sd3-5-large-v1:0",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-image-ultra-v1:1",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-image-core-v1:1",
        ],
      },
    ]);
  });
});

describe("sign-in secrets", () => {
  it("declares the OpenID and session secrets and hands each to the app under the name its config reads", () => {
    expect(declared.filter((d) => d.type === "Secret").map((d) => d.name)).toEqual([
      "OidcIssuer",
      "OidcClientId",
      "OidcClientSecret",
      "AuthSecret",
      "AdminEmails",
    ]);
    expect(find("Nextjs").args.environment).toMatchObject({
      ONESHEET_OIDC_ISSUER: "secret:OidcIssuer",
      ONESHEET_OIDC_CLIENT_ID: "secret:OidcClientId",
      ONESHEET_OIDC_CLIENT_SECRET: "secret:OidcClientSecret",
      NEXTAUTH_SECRET: "secret:AuthSecret",
      ONESHEET_ADMIN_EMAILS: "secret:AdminEmails",
      AUTH_TRUST_HOST: "true",
    });
  });
});

describe("OpenNext pin", () => {
  it("builds with the same @opennextjs/aws version the repository installs", async () => {
    const { readFile } = await import("node:fs/promises");
    const pkg = JSON.parse(await readFile("package.json", "utf8")) as { devDependencies: Record<string, string> };
    const source = await readFile("sst.config.ts", "utf8");
    expect(source).toContain(`OPEN_NEXT_VERSION = "${pkg.devDependencies["@opennextjs/aws"]}"`);
    expect(find("Nextjs").args.openNextVersion).toBe(pkg.devDependencies["@opennextjs/aws"]);
  });
});

describe("open-next.config.ts", () => {
  it("installs the same sharp into the server function as the app uses, for the function's architecture", async () => {
    const { SHARP, default: config } = await import("../open-next.config");
    const { readFile } = await import("node:fs/promises");
    const sharp = JSON.parse(await readFile("node_modules/sharp/package.json", "utf8")) as { version: string };
    expect(SHARP).toBe(`sharp@${sharp.version}`);
    expect(config.default.install).toMatchObject({ packages: [SHARP], arch: "x64" });
  });
});
