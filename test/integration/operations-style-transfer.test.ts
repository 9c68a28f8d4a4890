import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { getObjectBytes } from "@/lib/aws/s3";
import { recentSpending } from "@/lib/spending";
import { getPoster } from "@/lib/store/posters";
import { as, client } from "../support/api";
import { withLocalStack } from "../support/local-stack";
import { picture, putUpload } from "../support/uploads";

// Style Transfer ("Restyle") through POST /api/posters: the source's composition in a second image's look. The style
// image is named like the source (a poster: anyone's on the team; an upload: only one's own) and checked like it.

const local = withLocalStack();

const centsFor = async (posterId: string) =>
  (await recentSpending(1))[0]?.entries.find((e) => e.posterId === posterId)?.cents;

const ledgerSize = async () => (await recentSpending(1))[0]?.entries.length ?? 0;

async function meanColour(png: Buffer) {
  const { channels } = await sharp(png).stats();
  return channels.slice(0, 3).map((c) => c.mean);
}

const plain = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();

describe("style-transfer", () => {
  it("restyles a poster after another member's poster: the source's size, lineage, $0.08, the style remembered", async () => {
    const source = await client.createPoster({ prompt: "a harbour at midnight", aspectRatio: "2:3", seed: 4 });
    const style = await as("bob", () => client.createPoster({ prompt: "a sunlit wheat field", aspectRatio: "1:1" }));
    const made = await client.createPoster({
      operation: "style-transfer",
      source: { posterId: source.body.id },
      style: { posterId: style.body.id },
      seed: 9,
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      operation: "style-transfer",
      parentId: source.body.id,
      model: "us.stability.stable-style-transfer-v1:0",
      width: 832,
      height: 1216,
      prompt: "a harbour at midnight",
      seed: 9,
      price: 0.08,
    });
    expect(made.body.inputs).toEqual({
      stylePosterId: style.body.id,
      compositionFidelity: 0.9,
      styleStrength: 1,
      changeStrength: 0.9,
    });
    expect(await centsFor(made.body.id)).toBe(8);
    expect((await client.getPoster(source.body.id)).body.versions).toEqual([made.body.id]);
  });

  it("takes the style image's look: a red style turns a blue picture red, by style strength", async () => {
    const uploadId = await putUpload("alice", await picture(600, 400));
    const red = await putUpload("alice", await plain(200, 300, "#d21"));
    const strong = await client.createPoster({
      operation: "style-transfer",
      source: { uploadId },
      style: { uploadId: red },
      prompt: "a red poster",
      styleStrength: 1,
    });
    const weak = await client.createPoster({
      operation: "style-transfer",
      source: { uploadId },
      style: { uploadId: red },
      styleStrength: 0,
      changeStrength: 0.1,
      compositionFidelity: 1,
    });
    expect([strong.status, weak.status]).toEqual([201, 201]);
    expect(strong.body).toMatchObject({ width: 600, height: 400, prompt: "a red poster" });
    expect(strong.body.inputs).toMatchObject({ styleUploadId: red, sourceUploadId: uploadId });
    const art = async (id: string) => getObjectBytes((await getPoster(id))?.imageKey ?? "");
    const [r1, , b1] = await meanColour(await art(strong.body.id));
    const [r0, , b0] = await meanColour(await art(weak.body.id));
    expect(r1 as number).toBeGreaterThan((r0 as number) + 40);
    expect(b1 as number).toBeLessThan(b0 as number);
  });

  it("refuses a missing style, someone else's upload, an unknown poster and a style image out of limits, charging nothing", async () => {
    const uploadId = await putUpload("alice", await picture(400, 400));
    const bobs = await putUpload("bob", await plain(200, 200, "#0a0"));
    const sliver = await putUpload("alice", await plain(1000, 100, "#0a0"));
    const [objects, ledger, calls] = [await local.objectKeys(), await ledgerSize(), local.stack.emulator.calls.length];

    const missing = await client.createPoster({ operation: "style-transfer", source: { uploadId } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual({ style: "Name the style image as {posterId} or {uploadId}." });

    const notMine = await client.createPoster({
      operation: "style-transfer",
      source: { uploadId },
      style: { uploadId: bobs },
    });
    expect(notMine.status).toBe(404);
    expect(notMine.body.error).toMatchObject({ code: "upload_not_found", fields: { style: expect.any(String) } });

    const unknown = await client.createPoster({
      operation: "style-transfer",
      source: { uploadId },
      style: { posterId: "no-such-poster" },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("There is no poster with that id for the style image.");

    const thin = await client.createPoster({
      operation: "style-transfer",
      source: { uploadId },
      style: { uploadId: sliver },
    });
    expect(thin.status).toBe(400);
    expect(thin.body.error.code).toBe("image_invalid");
    expect(thin.body.error.message).toBe(
      "The style image is 1,000×100 px: its sides must be within 1:2.5 of each other (it is 1:10).",
    );

    expect(await local.objectKeys()).toEqual(objects);
    expect(await ledgerSize()).toBe(ledger);
    expect(local.stack.emulator.calls.length).toBe(calls);
  });
});
