import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { getObjectBytes } from "@/lib/aws/s3";
import { recentSpending } from "@/lib/spending";
import { getPoster } from "@/lib/store/posters";
import { client } from "../support/api";
import { withLocalStack } from "../support/local-stack";
import { picture, pixels, putUpload } from "../support/uploads";

// Vary, Replace, Recolour, From a sketch / layout, In the style of: against the emulator, with lineage and prices.

withLocalStack();

async function artOf(id: string) {
  const record = await getPoster(id);
  if (!record) throw new Error(`no poster ${id}`);
  return getObjectBytes(record.imageKey);
}

const centsFor = async (posterId: string) =>
  (await recentSpending(1))[0]?.entries.find((e) => e.posterId === posterId)?.cents;

async function differingPixels(a: Buffer, b: Buffer) {
  const [x, y] = await Promise.all([pixels(a), pixels(b)]);
  let n = 0;
  for (let i = 0; i < x.data.length; i += 3) if (x.data[i] !== y.data[i] || x.data[i + 1] !== y.data[i + 1]) n++;
  return n;
}

describe("vary", () => {
  it("SD3.5 and Ultra image-to-image: about 1 MP at the source's shape, priced per model, versions in order", async () => {
    const parent = await client.createPoster({ prompt: "desert highway", aspectRatio: "2:3", seed: 11 });
    const subtle = await client.createPoster({
      operation: "vary",
      source: { posterId: parent.body.id },
      prompt: "desert highway at night",
      strength: 0.2,
      seed: 5,
    });
    expect(subtle.status).toBe(201);
    expect(subtle.body).toMatchObject({ width: 832, height: 1216, model: "stability.sd3-5-large-v1:0", seed: 5 });
    // The variation keeps the source's prompt; what it was asked for is its instruction.
    expect(subtle.body.prompt).toBe("desert highway");
    expect(subtle.body.inputs).toEqual({ model: "sd3.5", strength: 0.2, prompt: "desert highway at night" });
    expect(await centsFor(subtle.body.id)).toBe(8);

    const strong = await client.createPoster({
      operation: "vary",
      model: "ultra",
      source: { posterId: parent.body.id },
      prompt: "desert highway at night",
      strength: 0.8,
      seed: 5,
    });
    expect(strong.status).toBe(201);
    expect(strong.body.model).toBe("stability.stable-image-ultra-v1:1");
    expect(await centsFor(strong.body.id)).toBe(14);

    // Strength says how far from the source: the subtle one stays nearer.
    const source = await artOf(parent.body.id);
    expect(await differingPixels(source, await artOf(subtle.body.id))).toBeLessThan(
      await differingPixels(source, await artOf(strong.body.id)),
    );
    expect((await client.getPoster(parent.body.id)).body.versions).toEqual([subtle.body.id, strong.body.id]);
  });

  it("refuses strength out of range and an unknown model", async () => {
    const reply = await client.createPoster({
      operation: "vary",
      source: { uploadId: "abcdefgh" },
      prompt: "x",
      strength: 1.5,
      model: "sdxl",
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields).toEqual({
      strength: "Strength must be at most 1.",
      model: "Pick one of the models: sd3.5, ultra.",
    });
  });
});

describe("search-replace and search-recolor", () => {
  it("change a region found from the words and keep the source's size", async () => {
    const bytes = await picture(600, 400);
    const uploadId = await putUpload("alice", bytes);
    const replaced = await client.createPoster({
      operation: "search-replace",
      source: { uploadId },
      search: "the red block",
      prompt: "a motorbike",
    });
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ width: 600, height: 400, prompt: "a motorbike" });
    expect(replaced.body.inputs).toMatchObject({ search: "the red block", growMask: 5 });
    expect(await differingPixels(bytes, await artOf(replaced.body.id))).toBeGreaterThan(1000);
    expect(await centsFor(replaced.body.id)).toBe(7);

    const recoloured = await client.createPoster({
      operation: "search-recolor",
      source: { uploadId },
      select: "the red block",
      prompt: "chrome",
    });
    expect(recoloured.status).toBe(201);
    expect(recoloured.body).toMatchObject({ width: 600, height: 400 });
    expect(recoloured.body.inputs).toMatchObject({ select: "the red block" });

    const missing = await client.createPoster({ operation: "search-replace", source: { uploadId }, prompt: "x" });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual({ search: "Say what to find: “the red car”." });
  });
});

describe("control-sketch, control-structure and style-guide", () => {
  it("make new art from a sketch, a layout and a reference", async () => {
    const uploadId = await putUpload("alice", await picture(768, 1024));
    for (const operation of ["control-sketch", "control-structure"]) {
      const made = await client.createPoster({
        operation,
        source: { uploadId },
        prompt: "a spy thriller",
        controlStrength: 0.9,
      });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ operation, width: 768, height: 1024 });
      expect(made.body.inputs).toMatchObject({ controlStrength: 0.9 });
      expect(made.body.model).toBe(`us.stability.stable-image-${operation}-v1:0`);
    }
    const styled = await client.createPoster({
      operation: "style-guide",
      source: { uploadId },
      prompt: "a courtroom drama",
      aspectRatio: "16:9",
      fidelity: 0.8,
    });
    expect(styled.status).toBe(201);
    expect(styled.body).toMatchObject({ width: 1344, height: 768, aspectRatio: "16:9" });
    expect(await sharp(await artOf(styled.body.id)).metadata()).toMatchObject({ width: 1344, height: 768 });
    expect(await centsFor(styled.body.id)).toBe(7);
  });
});
