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
    const { GENERATION_MODELS } = await import("./lib/models/catalogue");

    // Private by default: no public access; S3 encrypts every object at rest (SSE-S3).
    const posters = new sst.aws.Bucket("Posters");

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

    // Sign-in: set each with `npx sst secret set <Name> <value> --stage production` before deploying. With any of them
    // missing the studio and API refuse to serve (503) rather than run open.
    const secrets = {
      ONESHEET_OIDC_ISSUER: new sst.Secret("OidcIssuer"),
      ONESHEET_OIDC_CLIENT_ID: new sst.Secret("OidcClientId"),
      ONESHEET_OIDC_CLIENT_SECRET: new sst.Secret("OidcClientSecret"),
      NEXTAUTH_SECRET: new sst.Secret("AuthSecret"),
      ONESHEET_ADMIN_EMAILS: new sst.Secret("AdminEmails", ""),
    };

    const site = new sst.aws.Nextjs("Studio", {
      openNextVersion: OPEN_NEXT_VERSION,
      link: [posters, table],
      environment: {
        ...Object.fromEntries(Object.entries(secrets).map(([name, secret]) => [name, secret.value])),
        // Behind CloudFront: Auth.js takes the site's URL from the forwarded host.
        AUTH_TRUST_HOST: "true",
        ONESHEET_URL_TTL_SECONDS: "900",
        ONESHEET_DAILY_BUDGET_USD: process.env.ONESHEET_DAILY_BUDGET_USD ?? "25",
        ...(process.env.ONESHEET_USER_DAILY_BUDGET_USD
          ? { ONESHEET_USER_DAILY_BUDGET_USD: process.env.ONESHEET_USER_DAILY_BUDGET_USD }
          : {}),
      },
      server: {
        // Generation may take up to the pipeline's 55 s timeout; image work wants memory (and the CPU it brings).
        timeout: "60 seconds",
        memory: "2048 MB",
        // open-next.config.ts installs sharp's linux-x64 build into the function.
        architecture: "x86_64",
      },
      permissions: [
        {
          actions: ["bedrock:InvokeModel"],
          resources: GENERATION_MODELS.map((m) => `arn:aws:bedrock:${REGION}::foundation-model/${m.id}`),
        },
      ],
    });

    return { url: site.url, bucket: posters.name, table: table.name };
  },
});
