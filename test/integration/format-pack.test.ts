import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { GET as jobStatus } from "@/app/api/jobs/[id]/route";
import { GET as jobZip } from "@/app/api/jobs/[id]/zip/route";
import { POST as attachLogo } from "@/app/api/posters/[id]/design/logo/route";
import { PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { POST as packRoute, GET as planRoute } from "@/app/api/posters/[id]/pack/route";
import { getObjectBytes } from "@/lib/aws/s3";
import { layoutDesign } from "@/lib/design/layout";
import { type Design, designSchema } from "@/lib/design/schema";
import { cropBox, findPlacement, PLACEMENTS, type Placement, packMethod, reframeMargins } from "@/lib/print/placements";
import { recentSpending } from "@/lib/spending";
import { getPoster, putPoster } from "@/lib/store/posters";
import { as, client } from "../support/api";
import { encode } from "../support/images";
import { waitFor, withJobWorker } from "../support/jobs";
import { authed, type MemberName, withLocalStack } from "../support/local-stack";
import { putUpload } from "../support/uploads";

// A format pack, as a job: one designed key art → a poster per placement (cropped or reframed, screen placements at
// exactly their pixels), the design (and its title logo) re-laid on each, only the model calls charged, once, and a
// ZIP in S3 whose manifest matches its files. The job runs on the local queue's worker, as on AWS.
withLocalStack();
withJobWorker();

const SITE = "http://studio.test";
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const DESIGN = {
  template: "classic",
  title: "Harbor Lights",
  tagline: "Every light is a promise",
  billing: "A FILM BY ANNA KARLSSON  STARRING JOHN DOE  JANE ROE\nMUSIC BY SAM SMITH  EDITED BY LEE CHAN",
  date: "In cinemas June 2027",
  scrim: 0.4,
};

async function design(id: string, body: object) {
  const request = authed(`${SITE}/api/posters/${id}/design`, { method: "PUT", body: JSON.stringify(body) });
  const response = await saveDesign(request, params(id));
  expect(response.status, await response.clone().text()).toBe(200);
}

async function designedKeyArt(seed = 7): Promise<{ id: string; width: number; height: number }> {
  const poster = await client.createPoster({ prompt: "a lighthouse at dusk", aspectRatio: "2:3", seed });
  expect(poster.status).toBe(201);
  await design(poster.body.id, DESIGN);
  return poster.body;
}

// biome-ignore lint/suspicious/noExplicitAny: JSON under test
type Json = any;

async function pack(id: string, body: unknown, who: MemberName = "alice") {
  const response = await packRoute(
    authed(`${SITE}/api/posters/${id}/pack`, { method: "POST", body: JSON.stringify(body) }, who),
    params(id),
  );
  return { status: response.status, location: response.headers.get("location"), body: (await response.json()) as Json };
}

async function status(jobId: string): Promise<Json> {
  const response = await jobStatus(authed(`${SITE}/api/jobs/${jobId}`), params(jobId));
  expect(response.status).toBe(200);
  return response.json();
}

/** Queues a pack and waits for its job to end. */
async function packed(id: string, body: unknown) {
  const queued = await pack(id, body);
  expect(queued.status, JSON.stringify(queued.body)).toBe(202);
  return waitFor(
    () => status(queued.body.jobId),
    (s) => s.status === "done" || s.status === "failed",
  );
}

const ledger = async () => (await recentSpending(1))[0]?.entries ?? [];

/** The safe area every text box must stay inside: 3% of each side. */
function expectInsideSafeArea(design: Design, width: number, height: number, label: string) {
  const layout = layoutDesign(design, width, height);
  expect(layout.boxes.length, label).toBeGreaterThan(0);
  for (const box of layout.boxes) {
    const where = `${label} ${box.layer} ${JSON.stringify({ ...box, lines: undefined })}`;
    expect(box.x, where).toBeGreaterThanOrEqual(width * 0.03);
    expect(box.y, where).toBeGreaterThanOrEqual(height * 0.03);
    expect(box.x + box.width, where).toBeLessThanOrEqual(width * 0.97);
    expect(box.y + box.height, where).toBeLessThanOrEqual(height * 0.97);
    expect(box.fontSize, where).toBeGreaterThan(0);
  }
}

/** Pixels of a nearly pure colour in an image. */
async function countColour(png: Buffer, match: (r: number, g: number, b: number) => boolean) {
  const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let i = 0; i < data.length; i += 3) if (match(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0)) n++;
  return n;
}

describe("format pack", () => {
  it("queues the pack (202 + status URL) and makes it: right shapes, exact screen pixels, lineage, the design, only model calls charged, a ZIP in S3", async () => {
    const keyArt = await designedKeyArt();
    const before = await ledger();
    const formats = ["one-sheet", "story", "widescreen", "banner-970x250"];
    const queued = await pack(keyArt.id, { formats });
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ statusUrl: `/api/jobs/${queued.body.jobId}`, status: "queued" });
    expect(queued.location).toBe(queued.body.statusUrl);
    // Story is Reframe + Fast Upscale (the reframed art is 832×1479, under 1080×1920); the others one call or none.
    expect(queued.body.price).toBeCloseTo(0.06 + 0.03 + 0.06 + 0.06, 5);
    const done = await waitFor(
      () => status(queued.body.jobId),
      (s) => s.status === "done" || s.status === "failed",
    );
    expect(done.status, JSON.stringify(done)).toBe("done");
    expect(done.failed).toEqual([]);
    expect(done.progress).toEqual({ done: 4, total: 4 });
    expect(done.posters).toHaveLength(4);
    expect(done.charged).toBeCloseTo(0.21, 5);

    const parsed = designSchema.parse(DESIGN);
    for (const [i, format] of formats.entries()) {
      const view = done.posters[i];
      const placement = findPlacement(format);
      if (!placement) throw new Error(format);
      const record = await getPoster(view.id);
      if (!record) throw new Error(view.id);
      if (placement.targetPx) {
        // Delivered at exactly the placement's stated pixels.
        expect({ width: record.width, height: record.height }, format).toEqual(placement.targetPx);
      } else {
        expect(Math.abs(record.width - (record.height * placement.w) / placement.h), format).toBeLessThanOrEqual(1);
      }
      expect(record.parentId).toBe(keyArt.id);
      expect(record.operation).toBe(format === "one-sheet" ? "crop" : "reframe");
      expect(record.inputs?.placement).toBe(format);
      expect(record.inputs?.upscale).toBe(format === "story" ? "fast" : undefined);
      expect(record.design).toEqual(parsed);
      expect(view.design).toEqual(parsed);
      const [art, composed] = await Promise.all([
        getObjectBytes(record.imageKey),
        getObjectBytes(record.composedKey ?? ""),
      ]);
      expect(await sharp(art).metadata(), format).toMatchObject({ width: record.width, height: record.height });
      expect(await sharp(composed).metadata(), format).toMatchObject({ width: record.width, height: record.height });
      expect(art.equals(composed)).toBe(false);
      expectInsideSafeArea(parsed, record.width, record.height, format);
    }
    expect((await client.getPoster(keyArt.id)).body.versions).toEqual(
      expect.arrayContaining(done.posters.map((p: { id: string }) => p.id)),
    );

    // Exactly the model calls: three reframes at 6¢ and the story's Fast Upscale at 3¢, each for its poster.
    const added = (await ledger()).filter((e) => !before.some((b) => b.id === e.id));
    const byPoster = new Map(
      done.posters.map((p: { id: string; inputs: { placement: string } }) => [p.id, p.inputs.placement]),
    );
    expect(added.map((e) => `${byPoster.get(e.posterId ?? "")}:${e.cents}`).sort()).toEqual(
      ["banner-970x250:6", "story:3", "story:6", "widescreen:6"].sort(),
    );

    // The ZIP: an app URL that redirects to a signed S3 URL (never through the function); every file in the
    // manifest at its size, with its placement and ppi; the archive checks out with unzip.
    expect(done.zipUrl).toBe(`/api/jobs/${queued.body.jobId}/zip`);
    const redirect = await jobZip(authed(`${SITE}${done.zipUrl}`), params(queued.body.jobId));
    expect(redirect.status).toBe(302);
    const signed = redirect.headers.get("location") ?? "";
    expect(signed).toContain(process.env.ONESHEET_S3_ENDPOINT);
    expect(signed).toContain("X-Amz-Signature=");
    const download = await fetch(signed);
    expect(download.status).toBe(200);
    const dir = mkdtempSync(path.join(os.tmpdir(), "pack-zip-"));
    const file = path.join(dir, "pack.zip");
    writeFileSync(file, Buffer.from(await download.arrayBuffer()));
    execFileSync("unzip", ["-tq", file]);
    const listed = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n");
    const manifest = JSON.parse(execFileSync("unzip", ["-p", file, "manifest.json"], { encoding: "utf8" }));
    expect(listed.sort()).toEqual([...manifest.files.map((f: { file: string }) => f.file), "manifest.json"].sort());
    expect(manifest.files.map((f: { placement: { id: string } }) => f.placement.id)).toEqual(formats);
    for (const entry of manifest.files) {
      const bytes = execFileSync("unzip", ["-p", file, entry.file], { maxBuffer: 64 * 1024 * 1024 });
      expect(await sharp(bytes).metadata()).toMatchObject({ width: entry.widthPx, height: entry.heightPx });
      expect(entry.designed).toBe(true);
      const placement = findPlacement(entry.placement.id);
      expect(entry.deliveredAtTargetPx).toBe(placement?.targetPx ? true : null);
      const ppi = placement?.printIn
        ? Math.floor(Math.min(entry.widthPx / placement.printIn.width, entry.heightPx / placement.printIn.height))
        : null;
      expect(entry.effectivePpi).toBe(ppi);
    }
    expect(manifest.files[1].upscaled).toBe("fast");
  }, 120_000);

  it("draws the key art's title logo on every format", async () => {
    const poster = (await client.createPoster({ prompt: "a pier at night, for a pack logo", seed: 41 })).body;
    // A magenta disc on a transparent square: a title treatment.
    const logo = await encode(200, 100, (x, y) =>
      (x - 100) ** 2 / 90 ** 2 + (y - 50) ** 2 / 40 ** 2 < 1 ? [255, 0, 255, 255] : [0, 0, 0, 0],
    );
    const attached = await attachLogo(
      authed(`${SITE}/api/posters/${poster.id}/design/logo`, {
        method: "POST",
        body: JSON.stringify({ uploadId: await putUpload("alice", logo) }),
      }),
      params(poster.id),
    );
    expect(attached.status).toBe(201);
    const { logo: name } = (await attached.json()) as { logo: string };
    await design(poster.id, { template: "minimal", title: "Pier Nine", logo: name, scrim: 0 });
    const done = await packed(poster.id, { formats: ["one-sheet", "square", "widescreen"] });
    expect(done.status, JSON.stringify(done)).toBe("done");
    const magenta = (r: number, g: number, b: number) => r > 230 && g < 30 && b > 230;
    for (const view of done.posters) {
      const record = await getPoster(view.id);
      const composed = await getObjectBytes(record?.composedKey ?? "");
      // The disc, scaled to the title's width: thousands of pixels on every format, not a few (or none).
      expect(await countColour(composed, magenta), view.inputs.placement).toBeGreaterThan(5_000);
      // The logo is kept beside the new poster: its design names a logo of its own.
      expect(record?.design?.logo).toBe(name);
      expect((await getObjectBytes(`posters/${view.id}/${name}.png`)).length).toBeGreaterThan(0);
    }
  }, 120_000);

  it("lays the design inside every placement's canvas", () => {
    const parsed = designSchema.parse(DESIGN);
    const art = { width: 832, height: 1216 };
    for (const placement of PLACEMENTS as readonly Placement[]) {
      const method = packMethod(art, placement);
      const margins = reframeMargins(art, placement);
      const size = placement.targetPx
        ? placement.targetPx
        : method.kind === "crop"
          ? cropBox(art, placement)
          : method.kind === "reframe"
            ? { width: art.width + margins.left + margins.right, height: art.height + margins.up + margins.down }
            : {
                width: Math.round(1456 * Math.min(1, placement.w / placement.h)),
                height: Math.round(1456 * Math.min(1, placement.h / placement.w)),
              };
      expectInsideSafeArea(parsed, size.width, size.height, placement.id);
    }
  });

  it("says the price and the result first: crops free, upscales priced, delivery pixels, print ppi with a warning", async () => {
    const keyArt = await designedKeyArt();
    const response = await planRoute(authed(`${SITE}/api/posters/${keyArt.id}/pack`), params(keyArt.id));
    const { formats } = (await response.json()) as { formats: Json[] };
    const byId = Object.fromEntries(formats.map((f) => [f.id, f]));
    // 832×1216 art: the one-sheet is a crop of 832×1232? No: 27:40 of 832×1216 keeps 821×1216 (1.3% trimmed).
    expect(byId["one-sheet"]).toMatchObject({ method: "crop", price: 0, artPx: { width: 821, height: 1216 } });
    // At 27×40 in: min(821/27, 1216/40) = 30 ppi, far under 150: the panel warns before anything is made.
    expect(byId["one-sheet"].effectivePpi).toBe(30);
    expect(byId["one-sheet"].ppiWarning).toMatch(/^30 ppi at 27×40 in: soft in print/);
    // Story: reframed to 832×1479, under 1080×1920, so Fast Upscale first: 6¢ + 3¢.
    expect(byId.story).toMatchObject({
      method: "reframe",
      price: 0.09,
      upscale: "fast",
      artPx: { width: 832, height: 1479 },
      deliverPx: { width: 1080, height: 1920 },
    });
    // Square: reframed to 1216×1216, over 1080×1080: scaled down, no upscale.
    expect(byId.square).toMatchObject({ method: "reframe", price: 0.06, deliverPx: { width: 1080, height: 1080 } });
    expect(byId.square.upscale).toBeUndefined();
    expect(byId["banner-728x90"]?.method).toBe("unavailable");
    expect(byId["banner-728x90"]?.reason).toMatch(/2000 px/);
    expect(byId["banner-728x90"]?.reason).toMatch(/8\.1:1/);
  });

  it("refuses bad requests with JSON naming the choices, before queuing or charging anything", async () => {
    const keyArt = await designedKeyArt();
    const before = await ledger();
    const unknown = await pack(keyArt.id, { formats: ["story", "poster-xl"] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/poster-xl/);
    expect(unknown.body.error.message).toMatch(/one-sheet, billboard-48-sheet/);
    const empty = await pack(keyArt.id, { formats: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.formats).toMatch(/at least one/);
    expect((await pack(keyArt.id, {})).status).toBe(400);
    expect((await pack("AAAAAAAAAAAAAAAA", { formats: ["story"] })).status).toBe(404);
    const far = await pack(keyArt.id, { formats: ["banner-728x90"] });
    expect(far.status).toBe(400);
    // Someone else's board: refused before anything is queued.
    const bobsBoard = await as("bob", () => client.createBoard("Bob's"));
    const forbidden = await pack(keyArt.id, { formats: ["story"], boardId: bobsBoard.body.id });
    expect(forbidden.status).toBe(403);
    expect(await ledger()).toHaveLength(before.length);
    expect((await client.getPoster(keyArt.id)).body.versions ?? []).toEqual([]);
    // A job id that doesn't exist, and a ZIP of a job that has none.
    const missing = await jobStatus(authed(`${SITE}/api/jobs/AAAAAAAAAAAAAAAA`), params("AAAAAAAAAAAAAAAA"));
    expect(missing.status).toBe(404);
  });

  it("makes every placement in one pack (no cap on reframes: it is a job, not a request)", async () => {
    const keyArt = await designedKeyArt(8);
    const reachable = ["billboard-48-sheet", "widescreen", "cinemascope", "lobby-card", "story", "feed", "square"];
    const done = await packed(keyArt.id, { formats: reachable });
    expect(done.status, JSON.stringify(done.failed)).toBe("done");
    expect(done.posters).toHaveLength(reachable.length);
  }, 180_000);

  it("adds the pack to a board in one step", async () => {
    const keyArt = await designedKeyArt();
    const board = await client.createBoard("Campaign");
    const done = await packed(keyArt.id, { formats: ["square", "feed"], boardId: board.body.id });
    expect(done.board).toEqual({ id: board.body.id, added: true });
    const shown = await client.getBoard(board.body.id);
    expect(shown.body.posters.map((p: { id: string }) => p.id)).toEqual(done.posters.map((p: { id: string }) => p.id));
  }, 120_000);

  it("keeps the formats that worked when others fail, and charges only those", async () => {
    // A key art whose prompt the (emulated) service refuses: every reframe of it is filtered, the crop is not.
    const plain = await client.createPoster({ prompt: "a quiet harbour", aspectRatio: "2:3", seed: 9 });
    const source = await getPoster(plain.body.id);
    if (!source) throw new Error("no poster");
    const id = "FaultyKeyArt0000";
    await putPoster({ ...source, id, prompt: "a quiet harbour [fault:prompt-filter]", versionCount: 0 });
    const before = await ledger();
    const done = await packed(id, { formats: ["one-sheet", "story", "square"] });
    expect(done.status).toBe("done");
    expect(done.posters.map((p: { operation: string }) => p.operation)).toEqual(["crop"]);
    expect(done.failed.map((f: { format: string }) => f.format)).toEqual(["story", "square"]);
    expect(done.failed[0].code).toBe("prompt_filtered");
    expect(done.charged).toBe(0);
    expect(await ledger()).toHaveLength(before.length);
  }, 120_000);
});
