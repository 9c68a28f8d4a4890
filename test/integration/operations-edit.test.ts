import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { getObjectBytes } from "@/lib/aws/s3";
import { recentSpending } from "@/lib/spending";
import { getPoster } from "@/lib/store/posters";
import { listVersions } from "@/lib/store/versions";
import { as, client } from "../support/api";
import { withLocalStack } from "../support/local-stack";
import { trashAs } from "../support/trash";
import { picture, pixels, putUpload, rectMask } from "../support/uploads";

// Operations end to end against the emulator: POST /api/posters {operation, source, …} → the new poster's art
// (size, pixels), its lineage, its price on the ledger; and bad inputs refused with nothing written.

const local = withLocalStack();

async function artOf(id: string) {
  const record = await getPoster(id);
  if (!record) throw new Error(`no poster ${id}`);
  return getObjectBytes(record.imageKey);
}

async function ledgerFor(posterId: string) {
  const [day] = await recentSpending(1);
  return day?.entries.find((e) => e.posterId === posterId);
}

describe("generate", () => {
  it("is the default operation and may be named", async () => {
    const named = await client.createPoster({ operation: "generate", prompt: "a noir alley", aspectRatio: "1:1" });
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ operation: "generate", width: 1024, height: 1024 });
    expect(named.body.parentId).toBeUndefined();
    const source = await client.createPoster({ operation: "generate", prompt: "x", source: { uploadId: "abcdefgh" } });
    expect(source.status).toBe(400);
    expect(source.body.error.fields.source).toMatch(/no setting called source/);
  });
});

describe("remove-background", () => {
  it("cuts out a poster: RGBA at the source's size, transparent background, lineage and price", async () => {
    const parent = await client.createPoster({ prompt: "a lighthouse at dusk", aspectRatio: "2:3", seed: 7 });
    expect(parent.status).toBe(201);

    const cut = await client.createPoster({ operation: "remove-background", source: { posterId: parent.body.id } });
    expect(cut.status).toBe(201);
    expect(cut.body).toMatchObject({
      operation: "remove-background",
      parentId: parent.body.id,
      width: 832,
      height: 1216,
    });
    expect(cut.body.model).toBe("us.stability.stable-image-remove-background-v1:0");

    const art = await artOf(cut.body.id);
    const meta = await sharp(art).metadata();
    expect(meta).toMatchObject({ format: "png", width: 832, height: 1216, channels: 4 });
    const { data } = await pixels(art);
    const alphas = Array.from({ length: data.length / 4 }, (_, i) => data[i * 4 + 3]);
    expect(alphas.filter((a) => a === 0).length).toBeGreaterThan(0);

    const entry = await ledgerFor(cut.body.id);
    expect(entry).toMatchObject({ model: "us.stability.stable-image-remove-background-v1:0", cents: 7 });

    const view = await client.getPoster(parent.body.id);
    expect(view.body.versions).toEqual([cut.body.id]);
    expect(view.body.operation).toBe("generate");

    // Deleting a version takes it out of its parent's versions.
    const second = await client.createPoster({ operation: "remove-background", source: { posterId: parent.body.id } });
    expect((await client.getPoster(parent.body.id)).body.versions).toEqual([cut.body.id, second.body.id]);
    expect((await client.deletePoster(second.body.id)).status).toBe(204);
    expect((await client.getPoster(parent.body.id)).body.versions).toEqual([cut.body.id]);

    // Deleting the parent keeps the child, which still names where it came from.
    expect((await client.deletePoster(parent.body.id)).status).toBe(204);
    const child = await client.getPoster(cut.body.id);
    expect(child.status).toBe(200);
    expect(child.body.parentId).toBe(parent.body.id);
    // …and its links to its versions go with it once it is purged from the trash (they stay until then, so a restore
    // folds its versions back under it).
    expect(await listVersions(parent.body.id)).toEqual([cut.body.id]);
    expect((await trashAs("alice").purge(parent.body.id)).status).toBe(204);
    expect(await listVersions(parent.body.id)).toEqual([]);
  });

  it("cuts out an upload: no parent, the upload id among the inputs", async () => {
    const uploadId = await putUpload("alice", await picture(400, 300));
    const cut = await client.createPoster({ operation: "remove-background", source: { uploadId } });
    expect(cut.status).toBe(201);
    expect(cut.body.parentId).toBeUndefined();
    expect(cut.body.inputs).toEqual({ sourceUploadId: uploadId });
    const { data, info } = await pixels(await artOf(cut.body.id));
    // The background corner is transparent, the red block in the middle is kept.
    expect(data[3]).toBe(0);
    expect(data[(Math.round(info.height / 2) * info.width + Math.round(info.width / 2)) * 4 + 3]).toBe(255);
  });
});

describe("inpaint and erase", () => {
  it("inpaint changes only the masked area (grown by growMask), and records the mask upload", async () => {
    const source = await picture(512, 512);
    const uploadId = await putUpload("alice", source);
    const rect = { left: 100, top: 100, width: 100, height: 100 };
    const maskId = await putUpload("alice", await rectMask(512, 512, rect));
    const fixed = await client.createPoster({
      operation: "inpaint",
      source: { uploadId },
      mask: { uploadId: maskId },
      prompt: "a golden door",
      growMask: 0,
      seed: 42,
    });
    expect(fixed.status).toBe(201);
    expect(fixed.body).toMatchObject({ width: 512, height: 512, prompt: "a golden door", seed: 42 });
    expect(fixed.body.inputs).toMatchObject({ maskUploadId: maskId, growMask: 0, sourceUploadId: uploadId });

    const before = await pixels(source);
    const after = await pixels(await artOf(fixed.body.id));
    let changedInside = 0;
    let changedOutside = 0;
    for (let y = 0; y < 512; y++) {
      for (let x = 0; x < 512; x++) {
        const i = (y * 512 + x) * 3;
        const same = [0, 1, 2].every((c) => before.data[i + c] === after.data[i + c]);
        const inside = x >= rect.left && x < rect.left + rect.width && y >= rect.top && y < rect.top + rect.height;
        if (!same) inside ? changedInside++ : changedOutside++;
      }
    }
    expect(changedOutside).toBe(0);
    expect(changedInside).toBeGreaterThan(5000);
    expect((await ledgerFor(fixed.body.id))?.cents).toBe(7);
  });

  it("erase fills the masked area and leaves the rest", async () => {
    const source = await picture(300, 200);
    const uploadId = await putUpload("alice", source);
    const maskId = await putUpload("alice", await rectMask(300, 200, { left: 60, top: 40, width: 50, height: 50 }));
    const erased = await client.createPoster({ operation: "erase", source: { uploadId }, mask: { uploadId: maskId } });
    expect(erased.status).toBe(201);
    const before = await pixels(source);
    const after = await pixels(await artOf(erased.body.id));
    // Far from the mask (and its default 5 px growth) nothing moves.
    const at = (x: number, y: number) => (y * 300 + x) * 3;
    expect([...after.data.subarray(at(200, 150), at(200, 150) + 3)]).toEqual([
      ...before.data.subarray(at(200, 150), at(200, 150) + 3),
    ]);
    expect([...after.data.subarray(at(100, 60), at(100, 60) + 3)]).not.toEqual([
      ...before.data.subarray(at(100, 60), at(100, 60) + 3),
    ]);
  });
});

describe("refusals write nothing", () => {
  async function expectNothingWritten(body: object, status: number, check: (error: Record<string, unknown>) => void) {
    const keysBefore = await local.objectKeys();
    const [dayBefore] = await recentSpending(1);
    const reply = await client.createPoster(body);
    expect(reply.status).toBe(status);
    check(reply.body.error);
    expect(await local.objectKeys()).toEqual(keysBefore);
    const [dayAfter] = await recentSpending(1);
    expect(dayAfter?.entries.length).toBe(dayBefore?.entries.length);
  }

  it("refuses a non-image, a 0-byte file, a 10,000×10 px image, a wrong-size mask and someone else's upload", async () => {
    const text = await putUpload("alice", Buffer.from("not an image at all"), "image/png");
    await expectNothingWritten({ operation: "remove-background", source: { uploadId: text } }, 400, (e) =>
      expect(e.message).toMatch(/isn't a picture OneSheet can read/),
    );
    const empty = await putUpload("alice", Buffer.alloc(0));
    await expectNothingWritten({ operation: "remove-background", source: { uploadId: empty } }, 400, (e) =>
      expect(e.message).toMatch(/empty file/),
    );
    const sliver = await putUpload(
      "alice",
      await sharp({ create: { width: 10_000, height: 10, channels: 3, background: "#fff" } })
        .png()
        .toBuffer(),
    );
    await expectNothingWritten({ operation: "remove-background", source: { uploadId: sliver } }, 400, (e) =>
      expect(e.message).toMatch(/10,000×10 px: its sides must be within 1:2.5/),
    );
    const big = await putUpload("alice", Buffer.alloc(20 * 1024 * 1024, 1));
    await expectNothingWritten({ operation: "remove-background", source: { uploadId: big } }, 400, (e) =>
      expect(e.message).toMatch(/10 MB/),
    );
    const source = await putUpload("alice", await picture(512, 512));
    const smallMask = await putUpload("alice", await rectMask(256, 256, { left: 0, top: 0, width: 10, height: 10 }));
    await expectNothingWritten(
      { operation: "inpaint", source: { uploadId: source }, mask: { uploadId: smallMask }, prompt: "x" },
      400,
      (e) => expect(e.fields).toEqual({ mask: expect.stringMatching(/mask is 256×256 px but the image is 512×512/) }),
    );
    const bobs = await putUpload("bob", await picture(512, 512));
    await expectNothingWritten({ operation: "remove-background", source: { uploadId: bobs } }, 404, (e) =>
      expect(e.code).toBe("upload_not_found"),
    );
    // Bob himself may use it.
    expect(
      (await as("bob", () => client.createPoster({ operation: "remove-background", source: { uploadId: bobs } })))
        .status,
    ).toBe(201);
  });

  it("answers bad fields with field errors", async () => {
    await expectNothingWritten({ operation: "inpaint", source: { uploadId: "abcdefgh" } }, 400, (e) =>
      expect(e.fields).toMatchObject({ prompt: expect.stringMatching(/prompt can't be empty/) }),
    );
    await expectNothingWritten({ operation: "levitate", source: { uploadId: "abcdefgh" } }, 400, (e) =>
      expect(JSON.stringify(e.fields)).toMatch(/Pick one of the operations: generate, vary, reframe/),
    );
    await expectNothingWritten({ operation: "erase", source: { url: "http://x" } }, 400, (e) =>
      expect(e.fields).toMatchObject({ source: expect.stringMatching(/\{posterId\} or \{uploadId\}/) }),
    );
    await expectNothingWritten({ operation: "erase", source: { uploadId: "abcdefgh" }, growMask: 30 }, 400, (e) =>
      expect(e.fields).toMatchObject({ growMask: "Grow mask must be at most 20." }),
    );
  });

  it("cleans up when the service's answer is refused (charging only what AWS bills), and says an input image was filtered", async () => {
    const uploadId = await putUpload("alice", await picture(256, 256));
    await expectNothingWritten(
      { operation: "inpaint", source: { uploadId }, prompt: "[fault:input-filter] something" },
      422,
      (e) => expect(e.code).toBe("input_filtered"),
    );
    // An image of the wrong size was still made (and billed): charged, but no poster and no objects.
    const keysBefore = await local.objectKeys();
    const postersBefore = (await client.listPosters("?limit=100")).body.posters.length;
    const reply = await client.createPoster({
      operation: "inpaint",
      source: { uploadId },
      prompt: "[fault:wrong-size] x",
    });
    expect(reply.status).toBe(502);
    expect(reply.body.error.code).toBe("generation_failed");
    expect(await local.objectKeys()).toEqual(keysBefore);
    expect((await client.listPosters("?limit=100")).body.posters).toHaveLength(postersBefore);
    const [day] = await recentSpending(1);
    const last = day?.entries.find((e) => e.model.includes("inpaint") && !e.posterId);
    expect(last).toMatchObject({ model: "us.stability.stable-image-inpaint-v1:0", cents: 7 });
  });
});
