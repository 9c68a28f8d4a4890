import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { POST as packRoute, GET as planRoute } from "@/app/api/posters/[id]/pack/route";
import { GET as zipRoute } from "@/app/api/posters/[id]/pack/zip/route";
import { getObjectBytes } from "@/lib/aws/s3";
import { layoutDesign } from "@/lib/design/layout";
import { type Design, designSchema } from "@/lib/design/schema";
import { cropBox, findPlacement, PLACEMENTS, packMethod, reframeMargins } from "@/lib/print/placements";
import { recentSpending } from "@/lib/spending";
import { getPoster, putPoster } from "@/lib/store/posters";
import { as, client } from "../support/api";
import { authed, type MemberName, withLocalStack } from "../support/local-stack";

// A format pack: one designed key art → a poster per placement (cropped or reframed), the design re-laid on each,
// only the reframes charged, and a ZIP whose manifest matches its files.
withLocalStack();

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

async function designedKeyArt(): Promise<{ id: string; width: number; height: number }> {
  const poster = await client.createPoster({ prompt: "a lighthouse at dusk", aspectRatio: "2:3", seed: 7 });
  expect(poster.status).toBe(201);
  const request = authed(`${SITE}/api/posters/${poster.body.id}/design`, {
    method: "PUT",
    body: JSON.stringify(DESIGN),
  });
  expect((await saveDesign(request, params(poster.body.id))).status).toBe(200);
  return poster.body;
}

async function pack(id: string, body: unknown, who: MemberName = "alice") {
  const response = await packRoute(
    authed(`${SITE}/api/posters/${id}/pack`, { method: "POST", body: JSON.stringify(body) }, who),
    params(id),
  );
  // biome-ignore lint/suspicious/noExplicitAny: JSON under test
  return { status: response.status, body: (await response.json()) as any };
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

describe("format pack", () => {
  it("makes 4 formats: right ratios, lineage, the design inside each canvas, only the reframes charged, once", async () => {
    const keyArt = await designedKeyArt();
    const before = await ledger();
    const formats = ["one-sheet", "story", "widescreen", "banner-970x250"];
    const made = await pack(keyArt.id, { formats });
    expect(made.status).toBe(201);
    expect(made.body.failed).toEqual([]);
    expect(made.body.posters).toHaveLength(4);
    expect(made.body.charged).toBeCloseTo(0.18, 5);

    const design = designSchema.parse(DESIGN);
    for (const [i, format] of formats.entries()) {
      const view = made.body.posters[i];
      const placement = findPlacement(format);
      if (!placement) throw new Error(format);
      const record = await getPoster(view.id);
      if (!record) throw new Error(view.id);
      // Within a pixel of the placement's shape.
      expect(Math.abs(record.width - (record.height * placement.w) / placement.h), format).toBeLessThanOrEqual(1);
      expect(record.parentId).toBe(keyArt.id);
      expect(record.operation).toBe(format === "one-sheet" ? "crop" : "reframe");
      expect(record.inputs?.placement).toBe(format);
      expect(record.design).toEqual(design);
      // What the API answered shows the composed poster too.
      expect(view.design).toEqual(design);
      expect(view.artUrl).toBeDefined();
      // The stored composed poster is the art's size, and differs from the art where the type is set.
      const [art, composed] = await Promise.all([
        getObjectBytes(record.imageKey),
        getObjectBytes(record.composedKey ?? ""),
      ]);
      expect(await sharp(composed).metadata(), format).toMatchObject({ width: record.width, height: record.height });
      expect(art.equals(composed)).toBe(false);
      expectInsideSafeArea(design, record.width, record.height, format);
    }
    expect((await client.getPoster(keyArt.id)).body.versions).toEqual(
      expect.arrayContaining(made.body.posters.map((p: { id: string }) => p.id)),
    );

    // Exactly the three reframes: one ledger entry each, at Reframe's price; none for the crop.
    const after = await ledger();
    const added = after.filter((e) => !before.some((b) => b.id === e.id));
    expect(added).toHaveLength(3);
    expect(added.map((e) => e.posterId).sort()).toEqual(
      made.body.posters
        .filter((p: { operation: string }) => p.operation === "reframe")
        .map((p: { id: string }) => p.id)
        .sort(),
    );
    expect(added.every((e) => e.cents === 6)).toBe(true);

    // The ZIP: every file listed in the manifest, at its size, with its placement and ppi; the archive checks out.
    expect(made.body.zipUrl).toMatch(new RegExp(`^/api/posters/${keyArt.id}/pack/zip\\?ids=`));
    const response = await zipRoute(authed(`${SITE}${made.body.zipUrl}`), params(keyArt.id));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const dir = mkdtempSync(path.join(os.tmpdir(), "pack-zip-"));
    const file = path.join(dir, "pack.zip");
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    execFileSync("unzip", ["-tq", file]);
    const listed = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n");
    const manifest = JSON.parse(execFileSync("unzip", ["-p", file, "manifest.json"], { encoding: "utf8" }));
    expect(listed.sort()).toEqual([...manifest.files.map((f: { file: string }) => f.file), "manifest.json"].sort());
    expect(manifest.files.map((f: { placement: { id: string } }) => f.placement.id)).toEqual(formats);
    for (const entry of manifest.files) {
      const bytes = execFileSync("unzip", ["-p", file, entry.file], { maxBuffer: 64 * 1024 * 1024 });
      expect(bytes.length).toBe(entry.bytes);
      expect(await sharp(bytes).metadata()).toMatchObject({ width: entry.widthPx, height: entry.heightPx });
      expect(entry.designed).toBe(true);
      const placement = findPlacement(entry.placement.id);
      const ppi = placement?.printIn
        ? Math.floor(Math.min(entry.widthPx / placement.printIn.width, entry.heightPx / placement.printIn.height))
        : null;
      expect(entry.effectivePpi).toBe(ppi);
    }
    expect(manifest.files[0].effectivePpi).toBeGreaterThan(20);
  }, 120_000);

  it("lays the design inside every placement's canvas", () => {
    const design = designSchema.parse(DESIGN);
    const art = { width: 832, height: 1216 };
    for (const placement of PLACEMENTS) {
      const method = packMethod(art, placement);
      const margins = reframeMargins(art, placement);
      const size =
        method.kind === "crop"
          ? cropBox(art, placement)
          : method.kind === "reframe"
            ? { width: art.width + margins.left + margins.right, height: art.height + margins.up + margins.down }
            : {
                width: Math.round(1456 * Math.min(1, placement.w / placement.h)),
                height: Math.round(1456 * Math.min(1, placement.h / placement.w)),
              };
      expectInsideSafeArea(design, size.width, size.height, placement.id);
    }
  });

  it("says the price first: crops free, reframes at Reframe's price, out-of-reach shapes with a reason", async () => {
    const keyArt = await designedKeyArt();
    const response = await planRoute(authed(`${SITE}/api/posters/${keyArt.id}/pack`), params(keyArt.id));
    const { formats } = (await response.json()) as {
      formats: { id: string; method: string; price: number; reason?: string }[];
    };
    const byId = Object.fromEntries(formats.map((f) => [f.id, f]));
    expect(byId["one-sheet"]).toMatchObject({ method: "crop", price: 0 });
    expect(byId.story).toMatchObject({ method: "reframe", price: 0.06 });
    expect(byId["banner-728x90"]?.method).toBe("unavailable");
    expect(byId["banner-728x90"]?.reason).toMatch(/2000 px/);
    expect(byId["banner-728x90"]?.reason).toMatch(/8\.1:1/);
  });

  it("refuses bad requests with JSON naming the choices, before making or charging anything", async () => {
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
    // More reframes than one request can finish in: refused up front, with the limit.
    const many = ["billboard-48-sheet", "widescreen", "cinemascope", "lobby-card", "story", "feed", "square"];
    const tooMany = await pack(keyArt.id, { formats: many });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/at most 6 reframes \(this one needs 7\)/);
    // Someone else's board: refused before anything is made.
    const bobsBoard = await as("bob", () => client.createBoard("Bob's"));
    const forbidden = await pack(keyArt.id, { formats: ["story"], boardId: bobsBoard.body.id });
    expect(forbidden.status).toBe(403);
    expect(await ledger()).toHaveLength(before.length);
    expect((await client.getPoster(keyArt.id)).body.versions ?? []).toEqual([]);
    // The ZIP names only the pack's posters.
    const stray = await zipRoute(
      authed(`${SITE}/api/posters/${keyArt.id}/pack/zip?ids=${keyArt.id}`),
      params(keyArt.id),
    );
    expect(stray.status).toBe(400);
  });

  it("adds the pack to a board in one step", async () => {
    const keyArt = await designedKeyArt();
    const board = await client.createBoard("Campaign");
    const made = await pack(keyArt.id, { formats: ["square", "feed"], boardId: board.body.id });
    expect(made.status).toBe(201);
    expect(made.body.board).toEqual({ id: board.body.id, added: true });
    const shown = await client.getBoard(board.body.id);
    expect(shown.body.posters.map((p: { id: string }) => p.id)).toEqual(
      made.body.posters.map((p: { id: string }) => p.id),
    );
  });

  it("keeps the formats that worked when others fail, and charges only those", async () => {
    // A key art whose prompt the (emulated) service refuses: every reframe of it is filtered, the crop is not.
    const plain = await client.createPoster({ prompt: "a quiet harbour", aspectRatio: "2:3", seed: 9 });
    const source = await getPoster(plain.body.id);
    if (!source) throw new Error("no poster");
    const id = "FaultyKeyArt0000";
    await putPoster({ ...source, id, prompt: "a quiet harbour [fault:prompt-filter]", versionCount: 0 });
    const before = await ledger();
    const made = await pack(id, { formats: ["one-sheet", "story", "square"] });
    expect(made.status).toBe(201);
    expect(made.body.posters.map((p: { operation: string }) => p.operation)).toEqual(["crop"]);
    expect(made.body.failed.map((f: { format: string }) => f.format)).toEqual(["story", "square"]);
    expect(made.body.failed[0].code).toBe("prompt_filtered");
    expect(made.body.charged).toBe(0);
    expect(await ledger()).toHaveLength(before.length);
  });
});
