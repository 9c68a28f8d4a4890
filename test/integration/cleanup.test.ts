import { describe, expect, it, vi } from "vitest";
import { DEFAULT_MODEL_ID } from "@/lib/models";
import { generatePoster } from "../support/generate";
import { withLocalStack } from "../support/local-stack";

// A failure after the images are in S3 (the table write) must remove them: no orphans, no half-made poster.
vi.mock("@/lib/store/posters", async (original) => {
  const actual = await original<typeof import("@/lib/store/posters")>();
  return {
    ...actual,
    putPoster: vi.fn(async () => {
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    }),
  };
});

const local = withLocalStack();

describe("cleanup", () => {
  it("deletes the PNG and thumbnail when the table write fails, and reports the service as unavailable", async () => {
    await expect(
      generatePoster(
        { prompt: "orphan check", model: DEFAULT_MODEL_ID, aspectRatio: "1:1" },
        { createdBy: { sub: "tester", name: "Tester" } },
      ),
    ).rejects.toMatchObject({ code: "unavailable", status: 503 });
    expect(await local.objectKeys()).toEqual([]);
  });
});
