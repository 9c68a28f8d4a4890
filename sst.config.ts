/// <reference path="./.sst/platform/config.d.ts" />

// OneSheet on AWS: a private bucket for images, one DynamoDB table, and the Next.js app on Lambda (OpenNext)
// linked to both. Bedrock access is limited to the catalogue's Stability models in one region.
// Checked offline by test/sst-config.test.ts (SST's CLI can't run here); `npx sst deploy --stage production` ships it.

const REGION = "us-west-2";
// Keep in step with the @opennextjs/aws version in package.json: what the tests build is what ships.
const OPEN_NEXT_VERSION = "4.1.16";

export default $config({
  app(input) {
    return {
      name: "onesheet",
      home: "aws",
      removal: input?.stage === "production" ? "retain" : "remove",
      protect: input?.stage === "production",
      providers: { aws: { region: REGION } },
    };
  },
  async run() {
    const { TABLE_KEYS } = await import("./lib/store/table");
    const { bedrockInvocations } = await import("./lib/models/operations/catalogue");
    const { SIGN_IN_SECRETS } = await import("./lib/deploy/sst-names");
    const { UPLOADS_PREFIX, UPLOAD_LIFETIME_DAYS } = await import("./lib/upload-rules");
    const { FONT_IDS, fontFile } = await import("./lib/design/fonts");

    // The site's address as browsers see it: the only Origin allowed for signed-in changes, the base of share links
    // and of sign-in callbacks. A custom domain (ONESHEET_DOMAIN, its DNS in Route 53) is known before the first
    // deploy; without one, deploy once, then again with ONESHEET_SITE_URL set to the URL it printed.
    const domain = process.env.ONESHEET_DOMAIN;
    const siteUrl = domain ? `https://${domain}` : process.env.ONESHEET_SITE_URL;

    // Private by default: no public access; S3 encrypts every object at rest (SSE-S3).
    const posters = new sst.aws.Bucket("Posters", {
      // Uploads are a step towards a poster, used within minutes: S3 removes the ones nobody used (in whole days).
      lifecycle: [{ id: "expire-unused-uploads", prefix: UPLOADS_PREFIX, expiresIn: `${UPLOAD_LIFETIME_DAYS} day` }],
      // The studio's pages POST files straight to the bucket with a signed form, and must be able to read the answer.
      cors: {
        allowOrigins: siteUrl ? [siteUrl] : ["*"],
        allowMethods: ["GET", "HEAD", "POST"],
        allowHeaders: ["*"],
        exposeHeaders: ["ETag"],
      },
    });

    const { partitionKey, sortKey, indexes } = TABLE_KEYS;
    const table = new sst.aws.Dynamo("Table", {
      fields: Object.fromEntries(
        [partitionKey, sortKey, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])].map((f) => [f, "string"]),
      ),
      primaryIndex: { hashKey: partitionKey, rangeKey: sortKey },
      globalIndexes: Object.fromEntries(indexes.map((i) => [i.name, { hashKey: i.partitionKey, rangeKey: i.sortKey }])),
      // Expired share links are removed by DynamoDB; the app checks expiry itself too, since removal can lag.
      ttl: TABLE_KEYS.ttlAttribute,
    });

    // Sign-in: set each with `npx sst secret set <Name> <value> --stage <stage>` before deploying (SST keeps them in
    // its state bucket); a deploy with one unset fails with SecretMissingError. They are linked, not put in the
    // environment: linked values travel encrypted in the function's resource file, which the app decrypts at run time.
    const secrets = Object.entries(SIGN_IN_SECRETS).map(
      ([name, spec]) => new sst.Secret(name, "placeholder" in spec ? spec.placeholder : undefined),
    );

    // Puts right what a crashed generation left (poster images with no item, reservations never settled): the same
    // sweep the offline launcher runs at start and every 5 minutes (lib/sweeper.ts).
    new sst.aws.Cron("Sweeper", {
      schedule: "rate(5 minutes)",
      function: {
        handler: "lib/sweeper-handler.handler",
        link: [posters, table],
        timeout: "60 seconds",
        environment: {
          ONESHEET_BUCKET: posters.name,
          ONESHEET_TABLE: table.name,
          // lib/ modules start with `import "server-only"`, which is an empty module only under this condition
          // (Next sets it for the app; SST's esbuild takes no `conditions`, so Node applies it at run time).
          NODE_OPTIONS: "--conditions=react-server",
        },
        // Left out of the bundle and installed beside it, so Node resolves it at run time under that condition.
        nodejs: { install: ["server-only"] },
      },
    });

    // Makes the queued print masters (CMYK TIFFs: minutes at 300 ppi, more than a request's 60 s), one at a time,
    // in the memory of the studio's function; the same worker the offline launcher runs (lib/print/export-jobs.ts).
    new sst.aws.Cron("Exporter", {
      schedule: "rate(1 minute)",
      function: {
        handler: "lib/print/export-handler.handler",
        link: [posters, table],
        timeout: "10 minutes",
        memory: "2048 MB",
        // A 300 ppi bus shelter TIFF is written to disk before it is streamed to S3.
        storage: "4 GB",
        architecture: "x86_64",
        environment: {
          ONESHEET_BUCKET: posters.name,
          ONESHEET_TABLE: table.name,
          NODE_OPTIONS: "--conditions=react-server",
        },
        // sharp's native build is installed beside the bundle; the fonts satori sets the lettering with are copied.
        nodejs: { install: ["server-only", "sharp"] },
        copyFiles: FONT_IDS.map((id) => ({ from: fontFile(id), to: fontFile(id) })),
      },
    });

    const site = new sst.aws.Nextjs("Studio", {
      openNextVersion: OPEN_NEXT_VERSION,
      ...(domain ? { domain } : {}),
      // Links grant the function IAM access to the bucket and table and carry the secrets.
      link: [posters, table, ...secrets],
      environment: {
        // SST gives linked values to the function in its encrypted resource file only; names the app needs as
        // plain configuration travel here.
        ONESHEET_BUCKET: posters.name,
        ONESHEET_TABLE: table.name,
        ...(siteUrl ? { ONESHEET_SITE_URL: siteUrl, NEXTAUTH_URL: siteUrl } : {}),
        // Behind CloudFront: until the site URL is set, Auth.js takes it from the forwarded host.
        AUTH_TRUST_HOST: "true",
        ONESHEET_URL_TTL_SECONDS: "900",
        ONESHEET_DAILY_BUDGET_USD: process.env.ONESHEET_DAILY_BUDGET_USD ?? "25",
        ...(process.env.ONESHEET_USER_DAILY_BUDGET_USD
          ? { ONESHEET_USER_DAILY_BUDGET_USD: process.env.ONESHEET_USER_DAILY_BUDGET_USD }
          : {}),
      },
      server: {
        // Pinned rather than left to SST's default; `npm run test:lambda` runs the built function on this Node.
        runtime: "nodejs24.x",
        // Generation may take up to the pipeline's 55 s timeout; image work wants memory (and the CPU it brings).
        timeout: "60 seconds",
        memory: "2048 MB",
        // open-next.config.ts installs sharp's linux-x64 build into the function.
        architecture: "x86_64",
      },
      permissions: bedrockPermissions(bedrockInvocations(REGION), aws.getCallerIdentityOutput({}).accountId),
    });

    return { url: site.url, bucket: posters.name, table: table.name };
  },
});

/**
 * `bedrock:InvokeModel` on exactly what the catalogue invokes. Text-to-image models are called in-Region (their
 * foundation-model ARN); the image services through US cross-Region inference profiles, which AWS requires be granted
 * as the profile (in the calling Region, with the account) plus the foundation model in every Region the profile
 * routes to (docs: geographic-cross-region-inference).
 */
function bedrockPermissions(
  invocations: {
    invokeId: string;
    foundationModelId: string;
    region: string;
    profile: boolean;
    foundationModelRegions: readonly string[];
  }[],
  account: $util.Input<string>,
) {
  const models = invocations.flatMap((i) =>
    i.foundationModelRegions.map((r) => `arn:aws:bedrock:${r}::foundation-model/${i.foundationModelId}`),
  );
  const profiles = invocations
    .filter((i) => i.profile)
    .map((i) => $interpolate`arn:aws:bedrock:${i.region}:${account}:inference-profile/${i.invokeId}`);
  return [
    { actions: ["bedrock:InvokeModel"], resources: [...new Set(models)] },
    { actions: ["bedrock:InvokeModel"], resources: profiles },
  ];
}
