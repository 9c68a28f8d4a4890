import { describe, expect, it, vi } from "vitest";

// The wrapper's own behaviour, without the rate limit's DynamoDB counter (tested against the offline stack).
vi.mock("@/lib/rate-limit", () => ({ enforceRateLimit: async () => {} }));
const identity = vi.hoisted(() => ({ via: "token" as "token" | "session", fail: undefined as Error | undefined }));
vi.mock("@/lib/identity", () => ({
  authenticate: async () => {
    if (identity.fail) throw identity.fail;
    return { sub: "t", email: "t@onesheet.local", name: "T", isAdmin: false, via: identity.via };
  },
}));

import { bedrockErrorCode } from "@/lib/aws/bedrock";
import { AppError, ERROR_CATALOGUE, type ErrorBody } from "@/lib/errors";
import { handle, readJsonObject } from "@/lib/http";

const awsError = (name: string, message = "", status?: number) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe("Bedrock error mapping", () => {
  it.each([
    ["AccessDeniedException", "You don't have access to the model", "model_access_denied", 403],
    // First use of a Marketplace model without aws-marketplace:* on the role: Bedrock's words, as reported from real
    // accounts (aws-samples/anthropic-on-aws#251, ministryofjustice/modernisation-platform-environments#18323, and
    // aws-solutions-library-samples/accelerated-intelligent-document-processing-on-aws#124 for the second form).
    [
      "AccessDeniedException",
      "Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model. Refer to the Amazon Bedrock documentation for further details. Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 5 minutes.",
      "model_not_enabled",
      403,
    ],
    [
      "AccessDeniedException",
      "Model access is denied due to User: arn:aws:sts::123456789012:assumed-role/app/fn is not authorized to perform: aws-marketplace:ViewSubscriptions on resource: * because no identity-based policy allows the aws-marketplace:ViewSubscriptions action. Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 15 minutes.",
      "model_not_enabled",
      403,
    ],
    ["ResourceNotFoundException", "Model not found.", "model_unavailable", 404],
    ["ResourceNotFoundException", "This model version has reached the end of its life.", "model_retired", 410],
    ["ValidationException", "This model version has reached the end of its life.", "model_retired", 410],
    ["ValidationException", "The provided model identifier is invalid.", "model_unavailable", 404],
    // A legacy model whose access lapsed, and one marked Legacy by its provider (AWS's own wording).
    ["ValidationException", "Operation not allowed", "model_retired", 410],
    [
      "ResourceNotFoundException",
      "Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 30 days. Please upgrade to an active model on Amazon Bedrock",
      "model_retired",
      410,
    ],
    ["ValidationException", "Malformed input request", "internal", 500],
    ["ThrottlingException", "", "throttled", 429],
    ["ModelNotReadyException", "", "throttled", 429],
    ["ServiceQuotaExceededException", "", "throttled", 429],
    ["ModelTimeoutException", "", "timeout", 504],
    ["ModelErrorException", "", "generation_failed", 502],
    ["InternalServerException", "", "unavailable", 503],
    ["ServiceUnavailableException", "", "unavailable", 503],
  ] as const)("%s (%s) → %s", (name, message, code, status) => {
    const mapped = bedrockErrorCode(awsError(name, message));
    expect(mapped).toBe(code);
    expect(ERROR_CATALOGUE[mapped].status).toBe(status);
  });

  it("treats connection failures and unknown 5xx as unavailable, anything else as internal", () => {
    expect(bedrockErrorCode(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe("unavailable");
    expect(bedrockErrorCode(awsError("SomethingNew", "", 502))).toBe("unavailable");
    expect(bedrockErrorCode(new TypeError("boom"))).toBe("internal");
  });
});

describe("route wrapper", () => {
  const call = (handler: ReturnType<typeof handle>) =>
    handler(new Request("http://localhost/api/posters", { method: "POST" }), {});

  it("answers a typed error as JSON with its status, fields and a request id", async () => {
    const response = await call(
      handle(async () => {
        throw new AppError("invalid_input", { fields: { prompt: "Describe the poster." } });
      }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: "invalid_input", fields: { prompt: "Describe the poster." } });
    expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
  });

  it("never shows an internal error's message, and logs it under the request id", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await call(
      handle(async () => {
        throw new Error("secret table name onesheet-prod exploded");
      }),
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("secret");
    const { error } = JSON.parse(text) as ErrorBody;
    expect(error.message).toBe(ERROR_CATALOGUE.internal.message);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(error.requestId!));
    expect(log).toHaveBeenCalledWith(expect.stringContaining("exploded"));
    log.mockRestore();
  });

  it("answers 503 unavailable, not 500, when S3 or DynamoDB fails after the SDK's retries", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const s3Down = Object.assign(new Error("We encountered an internal error."), {
      name: "InternalError",
      $metadata: { httpStatusCode: 503 },
    });
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4569"), { code: "ECONNREFUSED" });
    for (const failure of [s3Down, refused]) {
      const response = await call(
        handle(async () => {
          throw failure;
        }),
      );
      expect(response.status).toBe(503);
      expect(((await response.json()) as ErrorBody).error.code).toBe("unavailable");
    }
    log.mockRestore();
  });

  it("refuses a signed-in browser's state-changing request from another origin", async () => {
    identity.via = "session";
    const ok = handle(async () => new Response(null, { status: 204 }));
    const from = (origin?: string) =>
      ok(
        new Request("http://studio.test/api/posters", {
          method: "POST",
          headers: origin ? { origin, host: "studio.test" } : { host: "studio.test" },
        }),
        {},
      );
    process.env.NEXTAUTH_URL = "http://studio.test"; // the configured site URL is the only origin allowed
    expect((await from("https://evil.example")).status).toBe(403);
    expect((await from()).status).toBe(403);
    expect((await from("http://studio.test")).status).toBe(204);
    // Not fooled by headers the sender controls, and never a 500 for an odd Origin.
    const forged = (headers: Record<string, string>) =>
      ok(new Request("http://studio.test/api/posters", { method: "POST", headers }), {});
    const attempts: Record<string, string>[] = [
      { origin: "https://evil.example", "x-forwarded-host": "evil.example", host: "studio.test" },
      { origin: "https://evil.example", host: "evil.example" },
      { origin: "https://studio.test", host: "studio.test" },
      { origin: "null", host: "studio.test" },
      { origin: "not a url", host: "studio.test" },
    ];
    for (const headers of attempts) {
      const response = await forged(headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(((await response.json()) as ErrorBody).error.code).toBe("bad_origin");
    }
    const get = await ok(
      new Request("http://studio.test/api/posters", { headers: { origin: "https://evil.example" } }),
      {},
    );
    expect(get.status).toBe(204);
    identity.via = "token";
    expect((await from("https://evil.example")).status).toBe(204); // scripts with tokens carry no ambient credentials
  });

  it("refuses to serve, with 503, when sign-in isn't configured", async () => {
    identity.fail = new Error("OneSheet sign-in is not configured: issuer is missing");
    const response = await call(handle(async () => new Response("open!")));
    identity.fail = undefined;
    expect(response.status).toBe(503);
    expect(((await response.json()) as ErrorBody).error.code).toBe("auth_not_configured");
  });

  it("rejects bodies that aren't a JSON object", async () => {
    for (const body of ["not json", "[1,2]", "null", '"text"']) {
      const request = new Request("http://localhost/", { method: "POST", body });
      await expect(readJsonObject(request)).rejects.toMatchObject({ code: "invalid_json" });
    }
  });
});
