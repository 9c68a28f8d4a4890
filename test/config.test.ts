import { describe, expect, it } from "vitest";
import { parseConfig, usesLocalModels } from "@/lib/aws/config";

describe("server configuration", () => {
  it("defaults the region, URL lifetime and timeout", () => {
    const config = parseConfig({ ONESHEET_BUCKET: "posters", ONESHEET_TABLE: "onesheet" });
    expect(config).toMatchObject({ region: "us-west-2", urlTtlSeconds: 900, generationTimeoutMs: 55_000 });
    expect(usesLocalModels(config)).toBe(false);
  });

  it("says what is missing, and how to set it", () => {
    expect(() => parseConfig({})).toThrow(/bucket is missing: set ONESHEET_BUCKET/);
    expect(() => parseConfig({ ONESHEET_BUCKET: "b" })).toThrow(/bucket/);
  });

  it("prefers SST's links for the bucket and table names", () => {
    const config = parseConfig({
      SST_RESOURCE_Posters: JSON.stringify({ name: "prod-posters-abc" }),
      SST_RESOURCE_Table: JSON.stringify({ name: "prod-table-abc" }),
      ONESHEET_BUCKET: "ignored",
    });
    expect(config).toMatchObject({ bucket: "prod-posters-abc", table: "prod-table-abc" });
  });

  it("rejects a URL lifetime beyond what S3 allows and a timeout beyond the function's", () => {
    const base = { ONESHEET_BUCKET: "posters", ONESHEET_TABLE: "onesheet" };
    expect(() => parseConfig({ ...base, ONESHEET_URL_TTL_SECONDS: "700000" })).toThrow(/urlTtlSeconds/);
    expect(() => parseConfig({ ...base, ONESHEET_GENERATION_TIMEOUT_MS: "61000" })).toThrow(/generationTimeoutMs/);
  });

  it("knows a loopback Bedrock endpoint is the local emulator", () => {
    const config = parseConfig({
      ONESHEET_BUCKET: "posters",
      ONESHEET_TABLE: "onesheet",
      ONESHEET_BEDROCK_ENDPOINT: "http://127.0.0.1:4580",
    });
    expect(usesLocalModels(config)).toBe(true);
  });
});
