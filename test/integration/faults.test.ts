import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/posters/route";
import { signGet } from "@/lib/aws/s3";
import { AppError, type ErrorBody } from "@/lib/errors";
import { DEFAULT_MODEL_ID } from "@/lib/models";
import { clock } from "../support/clock";
import { generatePoster } from "../support/generate";
import { authed, withLocalStack } from "../support/local-stack";

// Every failure the emulator can inject, through the real SDK, must end as its typed error with nothing left behind.
const local = withLocalStack();

const post = (body: unknown) =>
  POST(authed("http://localhost/api/posters", { method: "POST", body: JSON.stringify(body) }), {});

const request = (prompt: string) => ({ prompt, model: DEFAULT_MODEL_ID, aspectRatio: "2:3" as const });

describe("injected faults", () => {
  it.each([
    ["prompt-filter", 422, "prompt_filtered"],
    ["output-filter", 422, "output_filtered"],
    ["input-filter", 422, "input_filtered"],
    ["wrong-size", 502, "generation_failed"],
    ["inference", 502, "generation_failed"],
    ["malformed", 502, "generation_failed"],
    ["model-error", 502, "generation_failed"],
    ["timeout", 504, "timeout"],
    ["throttle", 429, "throttled"],
    ["unavailable", 503, "unavailable"],
    ["internal", 503, "unavailable"],
    ["denied", 403, "model_access_denied"],
    // First use of a Marketplace model by a role without aws-marketplace:*: its own code, not a plain IAM denial.
    ["marketplace", 403, "model_not_enabled"],
    ["retired", 410, "model_retired"],
    ["legacy-lapsed", 410, "model_retired"],
    ["not-found", 404, "model_unavailable"],
  ])("[fault:%s] → %i %s, nothing stored", async (fault, status, code) => {
    const response = await post({ prompt: `[fault:${fault}] a harbor` });
    expect(response.status).toBe(status);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe(code);
    expect(error.message).not.toMatch(/Exception|http:\/\//);
    expect(await local.objectKeys()).toEqual([]);
  });

  it("lets the SDK retry throttling (3 attempts in all) and never retries a filtered prompt", async () => {
    const calls = () => local.stack.emulator.calls.filter((c) => c.prompt.includes("retry-check")).length;
    await post({ prompt: "[fault:throttle] retry-check" });
    expect(calls()).toBe(3);
    await post({ prompt: "[fault:prompt-filter] retry-check" });
    expect(calls()).toBe(4);
  });

  it("ends in our own typed timeout when the model is slower than the configured limit", async () => {
    const started = Date.now();
    await expect(
      generatePoster(request("[latency:3000] slow"), { timeoutMs: 300, createdBy: { sub: "tester", name: "Tester" } }),
    ).rejects.toMatchObject({
      code: "timeout",
      status: 504,
    });
    expect(Date.now() - started).toBeLessThan(2000);
    // The emulator finishes its work after we gave up; nothing may be stored for it.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await local.objectKeys()).toEqual([]);
  });

  it("stores nothing when the caller cancels", async () => {
    const controller = new AbortController();
    const pending = generatePoster(request("[latency:500] cancelled"), {
      signal: controller.signal,
      createdBy: { sub: "tester", name: "Tester" },
    });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toBeInstanceOf(AppError);
    await expect(pending).rejects.toMatchObject({ code: "cancelled" });
    await new Promise((r) => setTimeout(r, 800));
    expect(await local.objectKeys()).toEqual([]);
  });
});

describe("pre-signed URLs", () => {
  it("are refused by S3 once expired", async () => {
    const poster = await generatePoster(request("expiring"), { createdBy: { sub: "tester", name: "Tester" } });
    const keys = await local.objectKeys();
    const pngKey = keys.find((k) => k.endsWith(`${poster.id}/poster.png`));
    expect(pngKey).toBeDefined();
    // Signed within a window (lib/aws/url-window.ts), a URL lives at least half its lifetime: 4 s leaves a busy
    // machine 2 s for the first fetch, and the second comes after the whole lifetime has passed (the test's clock,
    // which s3rver reads too, jumps there).
    const short = await signGet(pngKey as string, { ttlSeconds: 4 });
    expect((await fetch(short.url)).status).toBe(200);
    clock.jumpTo(Math.max(Date.now(), Date.parse(short.expiresAt) + 1100));
    expect((await fetch(short.url)).status).toBe(403);
  });
});

describe("odd but successful answers", () => {
  // Runs after the fault cases above, which each check the bucket is empty.
  it("keeps a paid image whose success body has no seeds, under the seed that was asked for", async () => {
    // The emulator really answers this marker with an image and no `seeds`, as Bedrock sometimes does.
    const raw = await fetch(`${local.stack.emulator.url}/model/${encodeURIComponent(DEFAULT_MODEL_ID)}/invoke`, {
      method: "POST",
      body: JSON.stringify({ prompt: "[fault:no-seeds] raw", seed: 5, output_format: "png" }),
    });
    const answer = (await raw.json()) as Record<string, unknown>;
    expect(answer).not.toHaveProperty("seeds");
    expect(answer.images).toHaveLength(1);

    const response = await post({ prompt: "[fault:no-seeds] a harbor", seed: 4242 });
    expect(response.status).toBe(201);
    const poster = (await response.json()) as { id: string; seed: number };
    expect(poster.seed).toBe(4242);
    expect((await local.objectKeys()).filter((k) => k.includes(poster.id))).toHaveLength(2);
  });
});
