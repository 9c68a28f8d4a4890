import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { getObjectBytes } from "@/lib/aws/s3";
import { recentSpending } from "@/lib/spending";
import { getPoster } from "@/lib/store/posters";
import { client } from "../support/api";
import { withLocalStack } from "../support/local-stack";
import { picture, pixels, putUpload } from "../support/uploads";

// Upscale and Reframe: operations whose output size follows the source and the inputs.

const local = withLocalStack();

async function artOf(id: string) {
  const record = await getPoster(id);
  if (!record) throw new Error(`no poster ${id}`);
  return getObjectBytes(record.imageKey);
}

const centsFor = async (posterId: string) =>
  (await recentSpending(1))[0]?.entries.find((e) => e.posterId === posterId)?.cents;

describe("upscale", () => {
  it("fast: exactly 4× each side, $0.03 on the ledger, a version of its poster", async () => {
    const parent = await client.createPoster({ prompt: "neon harbour", aspectRatio: "1:1", seed: 3 });
    // 1024×1024 is 1,048,576 px: just within Fast Upscale's limit, so it goes as it is.
    const big = await client.createPoster({ operation: "upscale", source: { posterId: parent.body.id } });
    expect(big.status).toBe(201);
    expect(big.body).toMatchObject({ width: 4096, height: 4096, operation: "upscale", parentId: parent.body.id });
    expect(big.body.inputs).toEqual({ mode: "fast" });
    expect(big.body.prompt).toBe("neon harbour");
    expect(await sharp(await artOf(big.body.id)).metadata()).toMatchObject({ width: 4096, height: 4096 });
    expect(await centsFor(big.body.id)).toBe(3);
    expect((await client.getPoster(parent.body.id)).body.versions).toEqual([big.body.id]);
    // A 4096×4096 PNG encoded and thumbnailed twice: a minute on a loaded 2-CPU machine, not the default 30 s.
  }, 90_000);

  it("fast: a source over 1,048,576 px is made to fit (Fast Upscale allows smaller) rather than refused", async () => {
    const uploadId = await putUpload("alice", await picture(1500, 1000));
    const big = await client.createPoster({ operation: "upscale", mode: "fast", source: { uploadId } });
    expect(big.status).toBe(201);
    // Downsized to within 1,048,576 px at the same shape, then 4×.
    expect(big.body.width * big.body.height).toBeLessThanOrEqual(16 * 1_048_576);
    expect(big.body.width / big.body.height).toBeCloseTo(1.5, 2);
    expect(big.body.width % 4).toBe(0);
  });

  it("conservative needs a prompt; fast takes none", async () => {
    const uploadId = await putUpload("alice", await picture(512, 512));
    const noPrompt = await client.createPoster({ operation: "upscale", mode: "conservative", source: { uploadId } });
    expect(noPrompt.status).toBe(400);
    expect(noPrompt.body.error.fields).toEqual({
      prompt: "The conservative upscaler needs a prompt describing the art.",
    });
    const fastPrompt = await client.createPoster({ operation: "upscale", prompt: "x", source: { uploadId } });
    expect(fastPrompt.status).toBe(400);
    expect(fastPrompt.body.error.fields.prompt).toMatch(/fast upscaler takes no prompt/);

    const done = await client.createPoster({
      operation: "upscale",
      mode: "conservative",
      prompt: "a red block on blue",
      creativity: 0.2,
      source: { uploadId },
    });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({
      width: 2048,
      height: 2048,
      model: "us.stability.stable-conservative-upscale-v1:0",
    });
    expect(await centsFor(done.body.id)).toBe(40);
  });
});

describe("reframe", () => {
  it("2:3 → 16:9: the source unchanged in the middle, margins continuing its edges", async () => {
    const uploadId = await putUpload("alice", await picture(832, 1216));
    const wide = await client.createPoster({ operation: "reframe", aspectRatio: "16:9", source: { uploadId } });
    expect(wide.status).toBe(201);
    // 1216 × 16/9 = 2162 px wide: 665 px left and 665 right of the 832 px art.
    expect(wide.body).toMatchObject({ width: 2162, height: 1216, aspectRatio: "16:9", operation: "reframe" });
    expect(wide.body.inputs).toMatchObject({ aspectRatio: "16:9", sourceUploadId: uploadId });
    const source = await pixels(await picture(832, 1216));
    const { data, info } = await pixels(await artOf(wide.body.id));
    const at = (x: number, y: number, width: number) => (y * width + x) * info.channels;
    for (const [x, y] of [
      [0, 0],
      [416, 608],
      [831, 1215],
    ] as const) {
      const i = at(x, y, 832);
      const j = at(x + 665, y, 2162);
      expect([...data.subarray(j, j + 3)]).toEqual([...source.data.subarray(i, i + 3)]);
    }
    expect(await centsFor(wide.body.id)).toBe(6);
  });

  it("custom margins, and refusals: none, both, too far", async () => {
    const uploadId = await putUpload("alice", await picture(512, 512));
    const custom = await client.createPoster({ operation: "reframe", left: 100, down: 28, source: { uploadId } });
    expect(custom.status).toBe(201);
    expect(custom.body).toMatchObject({ width: 612, height: 540 });
    expect(custom.body.inputs).toMatchObject({ left: 100, down: 28 });

    const before = await local.objectKeys();
    const none = await client.createPoster({ operation: "reframe", source: { uploadId } });
    expect(none.status).toBe(400);
    expect(none.body.error.fields.aspectRatio).toMatch(/Pick a new ratio, or give at least one margin/);
    const both = await client.createPoster({ operation: "reframe", aspectRatio: "1:1", left: 5, source: { uploadId } });
    expect(both.body.error.fields.aspectRatio).toBe("Send a ratio or margins, not both.");
    const same = await client.createPoster({ operation: "reframe", aspectRatio: "1:1", source: { uploadId } });
    expect(same.status).toBe(400);
    expect(same.body.error.message).toBe("The image is already 1:1: pick another ratio.");
    const far = await client.createPoster({ operation: "reframe", right: 2001, source: { uploadId } });
    expect(far.body.error.fields.right).toBe("The right margin is at most 2000 px.");
    expect(await local.objectKeys()).toEqual(before);
  });
});
