import { PDFDocument } from "@cantoo/pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { GET as exportStatus } from "@/app/api/posters/[id]/exports/[exportId]/route";
import { POST as exportPoster } from "@/app/api/posters/[id]/exports/route";
import { printArtSize } from "@/lib/print/exports";
import { as, client } from "../support/api";
import { startWorker, waitFor } from "../support/jobs";
import { authed, type MemberName, withLocalStack } from "../support/local-stack";
import { trashAs } from "../support/trash";

// Print exports through the API: a PDF made in the request and stored beside the poster, from the upscaled art when
// there is one; a TIFF queued, made by the worker and polled; errors that name the choices; exports listed on the
// poster and removed with it.
const local = withLocalStack();

const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
const post = async (id: string, body: unknown, member: MemberName = "alice") => {
  const response = await exportPoster(
    authed(`http://studio.test/api/posters/${id}/exports`, { method: "POST", body: JSON.stringify(body) }, member),
    ctx({ id }),
  );
  return { status: response.status, location: response.headers.get("location"), body: await response.json() };
};
const status = async (id: string, exportId: string) =>
  (
    await exportStatus(authed(`http://studio.test/api/posters/${id}/exports/${exportId}`), ctx({ id, exportId }))
  ).json();
const bytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

async function designedPoster(seed: number) {
  const poster = (await client.createPoster({ prompt: "a lighthouse in a storm", aspectRatio: "2:3", seed })).body;
  const saved = await saveDesign(
    authed(`http://studio.test/api/posters/${poster.id}/design`, {
      method: "PUT",
      body: JSON.stringify({ template: "classic", title: "Neon Tide", billing: "A NORTHLIGHT PICTURES PRODUCTION" }),
    }),
    ctx({ id: poster.id }),
  );
  expect(saved.status).toBe(200);
  return poster;
}

describe("POST /api/posters/{id}/exports", () => {
  it("makes a one-sheet PDF beside the poster, says its real resolution, and lists it on the poster", async () => {
    const poster = await designedPoster(21);
    const made = await post(poster.id, { format: "pdf", size: "us-one-sheet" });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ format: "pdf", status: "ready", sizeLabel: "US one-sheet 27×40 in" });
    // 832×1216 over 27.25×40.25 in (with bleed): 30 ppi, and the response says so.
    expect(made.body.effectivePpi).toBe(30);
    expect(made.body.heightPx).toBe(1216);
    // A little wider than the page: the sides are cropped (reported), the art is never stretched.
    expect(made.body.crop).toEqual({ left: 4, top: 0, width: 823, height: 1216 });
    // No upscaler reaches 150 ppi from 832×1216 at this size: the warning says so, and what Fast 4× would give.
    expect(made.body.warnings).toContain(
      "30 ppi at 27×40 in: below 150 ppi, so it prints soft. No upscaler reaches 150 ppi at this size; " +
        "Fast 4× comes closest: 120 ppi for $0.03.",
    );
    const pdf = await PDFDocument.load(await bytes(made.body.url));
    expect(pdf.getPage(0).getTrimBox()).toMatchObject({ width: 27 * 72, height: 40 * 72 });
    expect(pdf.getTitle()).toBe("Neon Tide");

    expect(await local.objectKeys()).toContain(`posters/${poster.id}/exports/${made.body.exportId}.pdf`);
    const listed = (await client.getPoster(poster.id)).body.exports;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ exportId: made.body.exportId, status: "ready", effectivePpi: 30 });
    expect(listed[0].url).toContain(`exports/${made.body.exportId}.pdf`);
  });

  it("places the upscaled art when the poster has an upscale, and anyone on the team may export", async () => {
    const poster = await designedPoster(22);
    const big = await client.createPoster({ operation: "upscale", source: { posterId: poster.id } });
    expect(big.status).toBe(201);
    const made = await post(poster.id, { format: "pdf", size: "us-one-sheet" }, "bob");
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    // The 4× art (3328×4864): its height is the crop's, and 120 ppi at this size.
    expect(made.body.heightPx).toBe(4864);
    expect(made.body.effectivePpi).toBe(120);
    expect(made.body.createdByName).toBeDefined();
  }, 120_000);

  it("follows an upscale of an upscale: the print panel's run on the best art makes the next master's art", async () => {
    const poster = await designedPoster(25);
    const conservative = await client.createPoster({
      operation: "upscale",
      mode: "conservative",
      prompt: "a lighthouse in a storm",
      source: { posterId: poster.id },
    });
    expect(conservative.status).toBe(201);
    expect(await printArtSize(poster.id)).toMatchObject({ posterId: conservative.body.id, upscaled: true });
    // Fast 4× of that art (shrunk to fit Fast's 1,048,576 px first) is larger still: it is the art now.
    const fast = await client.createPoster({ operation: "upscale", source: { posterId: conservative.body.id } });
    expect(fast.status).toBe(201);
    expect(fast.body.width * fast.body.height).toBeGreaterThan(conservative.body.width * conservative.body.height);
    expect(await printArtSize(poster.id)).toEqual({
      posterId: fast.body.id,
      width: fast.body.width,
      height: fast.body.height,
      upscaled: true,
    });
    const made = await post(poster.id, { format: "pdf", size: "us-one-sheet" });
    expect(made.body.heightPx).toBe(fast.body.height);
  }, 120_000);

  it("queues a TIFF (202 and a status URL), made by the job worker in CMYK", async () => {
    const poster = await designedPoster(23);
    const queued = await post(poster.id, { format: "tiff", size: { widthIn: 8, heightIn: 12 } });
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    expect(queued.body).toMatchObject({ status: "queued", sizeLabel: "Custom 8×12 in" });
    expect(queued.location).toBe(`/api/posters/${poster.id}/exports/${queued.body.exportId}`);
    expect(queued.body.url).toBeUndefined();
    expect((await status(poster.id, queued.body.exportId)).status).toBe("queued");

    // The job queue's worker makes it: the same handler the queue's subscriber function runs on AWS.
    startWorker();
    const ready = await waitFor(
      () => status(poster.id, queued.body.exportId),
      (s) => s.status === "ready" || s.status === "failed",
    );
    expect(ready).toMatchObject({ status: "ready", effectivePpi: Math.floor(1216 / 12.25) });
    const tiff = await sharp(await bytes(ready.url)).metadata();
    expect({ space: tiff.space, channels: tiff.channels, width: tiff.width }).toEqual({
      space: "cmyk",
      channels: 4,
      width: ready.widthPx,
    });
  });

  it("refuses unknown sizes and formats naming the choices, and sides beyond 120 in", async () => {
    const poster = await designedPoster(24);
    const unknown = await post(poster.id, { format: "eps", size: "billboard" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.format).toBe("Pick a format: pdf, tiff or psd.");
    expect(unknown.body.error.fields.size).toContain("us-one-sheet, uk-quad, 24x36, a1, a0, bus-shelter");
    const huge = await post(poster.id, { format: "pdf", size: { widthIn: 48, heightIn: 144 } });
    expect(huge.status).toBe(400);
    expect(huge.body.error.fields.size).toBe(
      "The custom height can be at most 120 in: larger prints are made in sections.",
    );
    expect((await post("AAAAAAAAAAAAAAAA", { format: "pdf", size: "a1" })).status).toBe(404);
    expect((await client.getPoster(poster.id)).body.exports).toEqual([]);
  });

  it("removes a poster's exports and their files with the poster, once it is purged from the trash", async () => {
    const poster = await designedPoster(25);
    const made = await post(poster.id, { format: "pdf", size: "a1" });
    expect(made.status).toBe(201);
    await as("alice", () => client.deletePoster(poster.id));
    expect((await status(poster.id, made.body.exportId)).error.code).toBe("not_found");
    expect((await trashAs("alice").purge(poster.id)).status).toBe(204);
    expect((await local.objectKeys()).filter((k) => k.startsWith(`posters/${poster.id}/`))).toEqual([]);
    expect((await status(poster.id, made.body.exportId)).error.code).toBe("not_found");
  });
});
