import "server-only";
import { z } from "zod";
import { linkedSignInSecrets } from "./linked-secrets";

// All server configuration, validated in one place the first time it is needed (never at import time, so a
// build or a test that never touches AWS doesn't need it). The offline stack sets the endpoints and dummy
// credentials; on AWS the endpoints are unset and sst.config.ts passes the bucket's and table's names in the
// function's environment (the variables SST sets per link exist only while it builds, not at run time).

const optionalUrl = z.url({ error: "must be a URL such as http://localhost:4569" }).optional();

const schema = z.object({
  region: z.string().min(1).default("us-west-2"),
  bucket: z.string({ error: "is missing: set ONESHEET_BUCKET to the S3 bucket's name" }).min(3),
  table: z.string({ error: "is missing: set ONESHEET_TABLE to the DynamoDB table's name" }).min(3),
  bedrockEndpoint: optionalUrl,
  s3Endpoint: optionalUrl,
  dynamodbEndpoint: optionalUrl,
  sqsEndpoint: optionalUrl,
  // The job queue (SQS): long work (print masters, format packs, archives) is a message here, made by a worker.
  jobsQueueUrl: z.url({ error: "is missing: set ONESHEET_JOBS_QUEUE_URL to the job queue's URL (SQS)" }),
  // How long a worker holds a job between heartbeats: a worker that dies gives it up after this long.
  jobLeaseSeconds: z.coerce.number().int().min(2).max(900).default(60),
  // As low as a second, so tests can watch URLs expire; S3 allows at most 7 days.
  urlTtlSeconds: z.coerce.number().int().min(1).max(604_800).default(900),
  // Just under the route's maxDuration (60 s), so the user gets our typed timeout rather than the platform's.
  generationTimeoutMs: z.coerce.number().int().min(100).max(59_000).default(55_000),
  // Spending: a daily team budget, optionally a daily budget per person, in USD (UTC days).
  dailyBudgetUsd: z.coerce.number().min(0).max(100_000).default(25),
  userDailyBudgetUsd: z.coerce.number().min(0).max(100_000).optional(),
  // Rate limits per person: generations running at once, and API requests per minute.
  maxInFlight: z.coerce.number().int().min(1).max(50).default(4),
  requestsPerMinute: z.coerce.number().int().min(1).max(10_000).default(300),
  // Design renders (preview and save) per person per minute: they cost CPU, so they get their own, smaller budget.
  rendersPerMinute: z.coerce.number().int().min(1).max(10_000).default(60),
});

export type ServerConfig = z.infer<typeof schema>;
type Env = Record<string, string | undefined>;

export function parseConfig(env: Env): ServerConfig {
  const result = schema.safeParse({
    region: env.AWS_REGION || undefined,
    bucket: env.ONESHEET_BUCKET || undefined,
    table: env.ONESHEET_TABLE || undefined,
    bedrockEndpoint: env.ONESHEET_BEDROCK_ENDPOINT || undefined,
    s3Endpoint: env.ONESHEET_S3_ENDPOINT || undefined,
    dynamodbEndpoint: env.ONESHEET_DYNAMODB_ENDPOINT || undefined,
    sqsEndpoint: env.ONESHEET_SQS_ENDPOINT || undefined,
    jobsQueueUrl: env.ONESHEET_JOBS_QUEUE_URL || undefined,
    jobLeaseSeconds: env.ONESHEET_JOB_LEASE_SECONDS || undefined,
    urlTtlSeconds: env.ONESHEET_URL_TTL_SECONDS || undefined,
    generationTimeoutMs: env.ONESHEET_GENERATION_TIMEOUT_MS || undefined,
    dailyBudgetUsd: env.ONESHEET_DAILY_BUDGET_USD || undefined,
    userDailyBudgetUsd: env.ONESHEET_USER_DAILY_BUDGET_USD || undefined,
    maxInFlight: env.ONESHEET_MAX_IN_FLIGHT || undefined,
    requestsPerMinute: env.ONESHEET_REQUESTS_PER_MINUTE || undefined,
    rendersPerMinute: env.ONESHEET_RENDERS_PER_MINUTE || undefined,
  });
  return orThrow(result, "OneSheet configuration");
}

/** The parsed settings, or one error naming every problem (and so what to set). */
function orThrow<T>(result: z.ZodSafeParseResult<T>, what: string): T {
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
  throw new Error(`${what}: ${problems}`);
}

let cached: ServerConfig | undefined;

export function getConfig(): ServerConfig {
  cached ??= parseConfig(process.env);
  return cached;
}

/** True when Bedrock is the local emulator: the studio then says its art is procedural, not a model's. */
export function usesLocalModels(config: ServerConfig = getConfig()): boolean {
  if (!config.bedrockEndpoint) return false;
  const host = new URL(config.bedrockEndpoint).hostname;
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}

// The site's own address, as people's browsers show it. The Origin check, absolute links (share pages' previews) and
// HSTS go by it, never by the request's Host or X-Forwarded-* headers, which any client can set. Auth.js needs the
// same value as NEXTAUTH_URL, so that is the fallback.
const siteSchema = z
  .url({
    protocol: /^https?$/,
    error:
      "is missing: set ONESHEET_SITE_URL (or NEXTAUTH_URL) to the site's address, such as https://studio.example.com",
  })
  .transform((url) => new URL(url).origin);

export function parseSiteUrl(env: Env): string {
  const result = z
    .object({ siteUrl: siteSchema })
    .safeParse({ siteUrl: env.ONESHEET_SITE_URL || env.NEXTAUTH_URL || undefined });
  return orThrow(result, "OneSheet sign-in is not configured").siteUrl;
}

/** The site's origin, such as `https://studio.example.com` (no path, no trailing slash). Read on each use: cheap. */
export function getSiteUrl(): string {
  return parseSiteUrl(process.env);
}

// Team sign-in (OpenID Connect). Required: a server without an identity provider refuses to serve the studio and
// the API rather than run open.
const authSchema = z.object({
  issuer: z.url({ error: "is missing: set ONESHEET_OIDC_ISSUER to your identity provider's issuer URL" }),
  clientId: z.string({ error: "is missing: set ONESHEET_OIDC_CLIENT_ID" }).min(1),
  clientSecret: z.string({ error: "is missing: set ONESHEET_OIDC_CLIENT_SECRET" }).min(1),
  secret: z
    .string({ error: "is missing: set NEXTAUTH_SECRET to a long random string (openssl rand -base64 32)" })
    .min(32, "must be at least 32 characters"),
  adminEmails: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  providerName: z.string().default("your company account"),
});

export type AuthConfig = z.infer<typeof authSchema>;

export function parseAuthConfig(env: Env): AuthConfig {
  const result = authSchema.safeParse({
    issuer: env.ONESHEET_OIDC_ISSUER || undefined,
    clientId: env.ONESHEET_OIDC_CLIENT_ID || undefined,
    clientSecret: env.ONESHEET_OIDC_CLIENT_SECRET || undefined,
    secret: env.NEXTAUTH_SECRET || undefined,
    adminEmails: env.ONESHEET_ADMIN_EMAILS || undefined,
    providerName: env.ONESHEET_OIDC_NAME || undefined,
  });
  return orThrow(result, "OneSheet sign-in is not configured");
}

let cachedAuth: AuthConfig | undefined;

export function getAuthConfig(): AuthConfig {
  // Secrets linked by SST (on AWS) win over plain variables (offline, tests, other hosts).
  cachedAuth ??= parseAuthConfig({ ...process.env, ...linkedSignInSecrets() });
  return cachedAuth;
}
