import { describe, expect, it } from "vitest";
import { parseAuthConfig, parseConfig, usesLocalModels } from "@/lib/aws/config";

const QUEUE = "https://sqs.us-west-2.amazonaws.com/123456789012/onesheet-jobs";

describe("server configuration", () => {
  it("defaults the region, URL lifetime and timeout", () => {
    const config = parseConfig({
      ONESHEET_BUCKET: "posters",
      ONESHEET_TABLE: "onesheet",
      ONESHEET_JOBS_QUEUE_URL: QUEUE,
    });
    expect(config).toMatchObject({ region: "us-west-2", urlTtlSeconds: 900, generationTimeoutMs: 55_000 });
    expect(usesLocalModels(config)).toBe(false);
  });

  it("says what is missing, and how to set it", () => {
    expect(() => parseConfig({})).toThrow(/bucket is missing: set ONESHEET_BUCKET/);
    expect(() => parseConfig({ ONESHEET_BUCKET: "b" })).toThrow(/bucket/);
  });

  it("needs the job queue's URL, and says so", () => {
    expect(() => parseConfig({ ONESHEET_BUCKET: "posters", ONESHEET_TABLE: "onesheet" })).toThrow(
      /jobsQueueUrl is missing: set ONESHEET_JOBS_QUEUE_URL/,
    );
  });

  it("reads names only from its own variables: SST_RESOURCE_<link> exists while SST builds, not at run time", () => {
    const build = {
      SST_RESOURCE_Posters: JSON.stringify({ name: "p" }),
      SST_RESOURCE_Table: JSON.stringify({ name: "t" }),
    };
    expect(() => parseConfig(build)).toThrow(/bucket is missing: set ONESHEET_BUCKET/);
  });

  it("rejects a URL lifetime beyond what S3 allows and a timeout beyond the function's", () => {
    const base = { ONESHEET_BUCKET: "posters", ONESHEET_TABLE: "onesheet", ONESHEET_JOBS_QUEUE_URL: QUEUE };
    expect(() => parseConfig({ ...base, ONESHEET_URL_TTL_SECONDS: "700000" })).toThrow(/urlTtlSeconds/);
    expect(() => parseConfig({ ...base, ONESHEET_GENERATION_TIMEOUT_MS: "61000" })).toThrow(/generationTimeoutMs/);
  });

  it("knows a loopback Bedrock endpoint is the local emulator", () => {
    const config = parseConfig({
      ONESHEET_BUCKET: "posters",
      ONESHEET_TABLE: "onesheet",
      ONESHEET_JOBS_QUEUE_URL: QUEUE,
      ONESHEET_BEDROCK_ENDPOINT: "http://127.0.0.1:4580",
    });
    expect(usesLocalModels(config)).toBe(true);
  });
});

describe("sign-in configuration", () => {
  const full = {
    ONESHEET_OIDC_ISSUER: "https://login.example.com/tenant",
    ONESHEET_OIDC_CLIENT_ID: "client",
    ONESHEET_OIDC_CLIENT_SECRET: "secret",
    NEXTAUTH_SECRET: "x".repeat(32),
    ONESHEET_ADMIN_EMAILS: " Boss@Example.com, ops@example.com ",
  };

  it("is required: nothing configured is an error naming what to set, never an open studio", () => {
    expect(() => parseAuthConfig({})).toThrow(/sign-in is not configured: issuer is missing: set ONESHEET_OIDC_ISSUER/);
    expect(() => parseAuthConfig({ ...full, NEXTAUTH_SECRET: "short" })).toThrow(/secret must be at least 32/);
  });

  it("reads admins as a lower-cased list", () => {
    expect(parseAuthConfig(full).adminEmails).toEqual(["boss@example.com", "ops@example.com"]);
  });
});
