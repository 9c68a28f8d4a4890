/// <reference path="./.sst/platform/config.d.ts" />

// OneSheet on AWS: a private bucket for images, one DynamoDB table, a job queue (SQS, with its worker and a
// dead-letter queue), and the Next.js app on Lambda (OpenNext) linked to them. Bedrock access is limited to the
// catalogue's Stability models, in-Region or through their US inference profiles.
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
    const { FONT_IDS, fontFiles } = await import("./lib/design/fonts");
    const { JOB_QUEUE } = await import("./lib/jobs/queue-settings");
    const { EXPIRY_RULES } = await import("./lib/storage");

    // The site's address as browsers see it: the only Origin allowed for signed-in changes, the base of share links
    // and of sign-in callbacks. A custom domain (ONESHEET_DOMAIN, its DNS in Route 53) is known before the first
    // deploy; without one, deploy once, then again with ONESHEET_SITE_URL set to the URL it printed.
    const domain = process.env.ONESHEET_DOMAIN;
    const siteUrl = domain ? `https://${domain}` : process.env.ONESHEET_SITE_URL;

    // Private by default: no public access; S3 encrypts every object at rest (SSE-S3).
    const posters = new sst.aws.Bucket("Posters", {
      // Uploads are a step towards a poster, used within minutes: S3 removes the ones nobody used (in whole days).
      // What is only a step or a download (uploads, jobs' working files and archives, reports) S3 removes itself.
      lifecycle: EXPIRY_RULES.map((r) => ({
        id: r.id,
        prefix: r.prefix,
        expiresIn: `${r.days} ${r.days === 1 ? "day" : "days"}` as const,
      })),
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

    // Long work (print masters, format packs, archives) is a job: its item in the table, its message on this queue,
    // run by the subscriber below. A message received JOB_QUEUE.maxReceives times without success goes to the
    // dead-letter queue (kept 14 days for people to look at); the job says "failed" with the reason.
    const deadLetters = new sst.aws.Queue(JOB_QUEUE.deadLetterName, {
      transform: { queue: { messageRetentionSeconds: JOB_QUEUE.deadLetterRetentionSeconds } },
    });
    const jobs = new sst.aws.Queue(JOB_QUEUE.name, {
      visibilityTimeout: `${JOB_QUEUE.visibilityTimeoutSeconds} seconds`,
      dlq: { queue: deadLetters.arn, retry: JOB_QUEUE.maxReceives },
    });

    // What every function of the app needs to find its data: the physical names and the queue's URL.
    const names = {
      ONESHEET_BUCKET: posters.name,
      ONESHEET_TABLE: table.name,
      ONESHEET_JOBS_QUEUE_URL: jobs.url,
    };
    // lib/ modules start with `import "server-only"`, which is an empty module only under this condition (Next sets
    // it for the app; SST's esbuild takes no `conditions`, so Node applies it at run time).
    const serverOnly = { NODE_OPTIONS: "--conditions=react-server" };
    const bedrock = [
      ...bedrockPermissions(bedrockInvocations(REGION), aws.getCallerIdentityOutput({}).accountId),
      ...marketplacePermissions(process.env.ONESHEET_MARKETPLACE_SUBSCRIBE !== "false"),
    ];

    // Puts right what a crashed generation left (poster images with no item, reservations never settled, jobs whose
    // message was lost): the same sweep the offline launcher runs at start and every 5 minutes (lib/sweeper.ts).
    new sst.aws.Cron("Sweeper", {
      schedule: "rate(5 minutes)",
      function: {
        handler: "lib/sweeper-handler.handler",
        runtime: "nodejs24.x",
        link: [posters, table, jobs],
        timeout: "60 seconds",
        environment: { ...names, ...serverOnly },
        // Left out of the bundle and installed beside it, so Node resolves it at run time under that condition.
        nodejs: { install: ["server-only"] },
      },
    });

    // The job worker: one message at a time (a 300 ppi TIFF or a pack fills a 2 GB function), started by SQS's
    // event source within moments of the message; the same handler the offline worker runs (lib/jobs/lambda.ts).
    jobs.subscribe(
      {
        handler: "lib/jobs/lambda.handler",
        runtime: "nodejs24.x",
        link: [posters, table, jobs],
        timeout: `${JOB_QUEUE.workerTimeoutSeconds} seconds`,
        memory: "2048 MB",
        // A 300 ppi bus shelter TIFF, or a pack's ZIP, is written to disk before it is streamed to S3.
        storage: "4 GB",
        architecture: "x86_64",
        environment: { ...names, ...serverOnly },
        // Packs call Bedrock (Reframe, Upscale) under the member's budget, as the studio does.
        permissions: bedrock,
        // sharp's native build is installed beside the bundle; the fonts satori sets the lettering with (every
        // subset of every face) are copied.
        nodejs: { install: ["server-only", "sharp"] },
        copyFiles: FONT_IDS.flatMap((id) => fontFiles(id).map(({ file }) => ({ from: file, to: file }))),
      },
      // Partial batch responses: a message the handler reports as failed comes back; the others are done.
      { batch: { size: JOB_QUEUE.batchSize, partialResponses: true } },
    );

    // SST's server cache behaviour caches (max TTL a year) with a cache key of x-open-next-cache-key and
    // x-forwarded-host. CloudFront forwards Authorization to the origin only when it is in the cache key (an origin
    // request policy can't forward it while caching is on), so without this GETs with an API token would reach the
    // app without it. The same policy as SST's, plus Authorization; every API answer says no-store anyway.
    const serverCachePolicy = new aws.cloudfront.CachePolicy("ServerCachePolicy", {
      comment: "OneSheet server: SST's server cache policy, plus the Authorization header (API tokens)",
      defaultTtl: 0,
      maxTtl: 31536000,
      minTtl: 0,
      parametersInCacheKeyAndForwardedToOrigin: {
        cookiesConfig: { cookieBehavior: "none" },
        headersConfig: {
          headerBehavior: "whitelist",
          headers: { items: ["authorization", "x-open-next-cache-key", "x-forwarded-host"] },
        },
        queryStringsConfig: { queryStringBehavior: "all" },
        enableAcceptEncodingBrotli: true,
        enableAcceptEncodingGzip: true,
      },
    });

    const site = new sst.aws.Nextjs("Studio", {
      openNextVersion: OPEN_NEXT_VERSION,
      ...(domain ? { domain } : {}),
      cachePolicy: serverCachePolicy.id,
      // Links grant the function IAM access to the bucket, table and job queue, and carry the secrets.
      link: [posters, table, jobs, ...secrets],
      environment: {
        // SST gives linked values to the function in its encrypted resource file only; names the app needs as
        // plain configuration travel here.
        ...names,
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
      permissions: bedrock,
    });

    return {
      url: site.url,
      bucket: posters.name,
      table: table.name,
      jobs: jobs.url,
      deadLetters: deadLetters.url,
    };
  },
});

/**
 * `bedrock:InvokeModel` on exactly what the catalogue invokes. Text-to-image models are called in-Region (their
 * foundation-model ARN). The image services go through US cross-Region inference profiles, which AWS requires be
 * granted as the profile (in the calling Region, with the account) plus the foundation model in every Region the
 * profile routes to — and that last grant is conditioned on `bedrock:InferenceProfileArn`, as AWS recommends, so the
 * role can reach those models only through the profiles, never directly (docs: inference-profiles-prereq).
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
  const arn = (region: string, id: string) => `arn:aws:bedrock:${region}::foundation-model/${id}`;
  const direct = invocations.filter((i) => !i.profile);
  const profiled = invocations.filter((i) => i.profile);
  const profiles = profiled.map(
    (i) => $interpolate`arn:aws:bedrock:${i.region}:${account}:inference-profile/${i.invokeId}`,
  );
  const routed = profiled.flatMap((i) => i.foundationModelRegions.map((r) => arn(r, i.foundationModelId)));
  return [
    {
      actions: ["bedrock:InvokeModel"],
      resources: [...new Set(direct.map((i) => arn(i.region, i.foundationModelId)))],
    },
    { actions: ["bedrock:InvokeModel"], resources: profiles },
    {
      actions: ["bedrock:InvokeModel"],
      resources: [...new Set(routed)],
      conditions: [{ test: "StringEquals", variable: "bedrock:InferenceProfileArn", values: profiles }],
    },
  ];
}

/**
 * On a fresh account Bedrock subscribes to a Marketplace model (every Stability model is one) on its first
 * invocation, and that call needs these three actions on the calling role; without them it answers AccessDenied
 * (the app says `model_not_enabled`). AWS documents no resource scope for them (the optional
 * `aws-marketplace:ProductId` condition applies to Subscribe, and AWS lists no product ids for the image
 * services), so they are granted on "*". Once every model has been used once, deploy with
 * ONESHEET_MARKETPLACE_SUBSCRIBE=false to take them away again (docs: model-access, model-access-permissions).
 */
function marketplacePermissions(grant: boolean) {
  if (!grant) return [];
  return [
    {
      actions: ["aws-marketplace:Subscribe", "aws-marketplace:Unsubscribe", "aws-marketplace:ViewSubscriptions"],
      resources: ["*"],
    },
  ];
}
