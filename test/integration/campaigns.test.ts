import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PUT as putBrand } from "@/app/api/campaigns/[id]/brand/route";
import { GET as matrixRoute, POST as runRoute } from "@/app/api/campaigns/[id]/deliverables/route";
import { GET as zipRoute } from "@/app/api/campaigns/[id]/deliverables/zip/route";
import { POST as addKeyArt } from "@/app/api/campaigns/[id]/key-art/route";
import { POST as attachCampaignLogo } from "@/app/api/campaigns/[id]/logo/route";
import { POST as importRoute } from "@/app/api/campaigns/[id]/markets/import/route";
import { PUT as putMarkets } from "@/app/api/campaigns/[id]/markets/route";
import { DELETE as deleteCampaign, GET as getCampaignRoute } from "@/app/api/campaigns/[id]/route";
import { POST as createCampaign } from "@/app/api/campaigns/route";
import { GET as jobStatus } from "@/app/api/jobs/[id]/route";
import { PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { layoutDesign } from "@/lib/design/layout";
import { bundledMeasure } from "@/lib/design/metrics";
import { findPlacement } from "@/lib/print/placements";
import { recentSpending } from "@/lib/spending";
import { getPoster } from "@/lib/store/posters";
import { client } from "../support/api";
import { waitFor, withJobWorker } from "../support/jobs";
import { authed, type MemberName, withLocalStack } from "../support/local-stack";
import { putUpload } from "../support/uploads";

// A campaign end to end against the offline stack: one designed key art → 3 markets × 4 placements = 12 cells, each
// placement's art made once (the only model calls, charged once each), every cell the placement's size with its
// market's words (read back by OCR in the market's language), lineage key art → placement art → market version;
// the kit's locks refused in the editor; a re-run after one market's tagline changes re-makes that market only; the
// ZIP's manifest matches its files.
withLocalStack();
withJobWorker();

const SITE = "http://studio.test";
// biome-ignore lint/suspicious/noExplicitAny: JSON under test
type Json = any;
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

async function call(
  route: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>,
  url: string,
  init: RequestInit,
  id: string,
  who: MemberName = "alice",
) {
  const response = await route(authed(`${SITE}${url}`, init, who), ctx(id));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as Json };
}

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

const KEY_DESIGN = { template: "classic", title: "The Last Light", tagline: "Every light is a promise", scrim: 0.5 };

const KIT = {
  titleFont: "anton",
  textFont: "oswald",
  billingFont: "league-gothic",
  titleSize: 12,
  credits: [
    { role: "starring", names: ["MAYA OKAFOR", "JONAS REED"] },
    { role: "directed by", names: ["ANNA KARLSSON"] },
  ],
  legalLine: "© 2027 Northlight Pictures",
  locked: ["titleFont", "credits"],
};

const MARKETS = [
  { code: "fr-FR", title: "La Dernière Lumière", tagline: "Chaque lumière est une promesse", date: "12 mars 2027" },
  {
    code: "de-DE",
    title: "Das Letzte Licht",
    tagline: "Jedes Licht ist ein Versprechen",
    date: "AB 12. MÄRZ",
    rating: { system: "FSK", code: "12" },
  },
  { code: "es-ES", title: "La Última Luz", tagline: "Cada luz es una promesa", date: "12 de marzo" },
];
const PLACEMENTS = ["one-sheet", "widescreen", "square", "billboard-48-sheet"];

async function newCampaign(who: MemberName = "alice") {
  const made = await call(
    createCampaign,
    "/api/campaigns",
    json("POST", { name: "Last Light", title: "The Last Light", releaseDate: "2027-03-12" }),
    "",
    who,
  );
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body.id as string;
}

async function designedKeyArt() {
  const poster = await client.createPoster({ prompt: "a lighthouse at dusk, key art", aspectRatio: "2:3", seed: 11 });
  expect(poster.status).toBe(201);
  const saved = await saveDesign(
    authed(`${SITE}/api/posters/${poster.body.id}/design`, json("PUT", KEY_DESIGN)),
    ctx(poster.body.id),
  );
  expect(saved.status).toBe(200);
  return poster.body.id as string;
}

async function status(jobId: string): Promise<Json> {
  const response = await jobStatus(authed(`${SITE}/api/jobs/${jobId}`), ctx(jobId));
  expect(response.status).toBe(200);
  return response.json();
}

const finished = (s: Json) => s.status === "done" || s.status === "failed";

async function matrix(id: string): Promise<Json> {
  return (await call(matrixRoute, `/api/campaigns/${id}/deliverables`, {}, id)).body;
}

/** The text in one box of the poster, read by tesseract in the market's language (light text → black on white). */
async function ocr(png: Buffer, box: { x: number; y: number; width: number; height: number }, lang: string) {
  const pad = 8;
  const meta = await sharp(png).metadata();
  const left = Math.max(0, Math.floor(box.x - pad));
  const top = Math.max(0, Math.floor(box.y - pad));
  const region = await sharp(png)
    .extract({
      left,
      top,
      width: Math.min((meta.width ?? 0) - left, Math.ceil(box.width + 2 * pad)),
      height: Math.min((meta.height ?? 0) - top, Math.ceil(box.height + 2 * pad)),
    })
    .threshold(200)
    .toBuffer();
  const inverted = await sharp(region).negate({ alpha: false }).png().toBuffer();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "ocr-")), "box.png");
  writeFileSync(file, inverted);
  if (process.env.OCR_DEBUG) writeFileSync(`/tmp/ocr-${lang}.png`, inverted);
  return execFileSync("tesseract", [file, "stdout", "-l", lang, "--psm", "6"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  })
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const LANG: Record<string, string> = { "fr-FR": "fra", "de-DE": "deu", "es-ES": "spa" };

describe("campaigns", () => {
  it("makes 3 markets × 4 placements from one key art: art once per placement, cells lettered per market, locks held, re-runs only what changed, a ZIP whose manifest matches", async () => {
    const id = await newCampaign();
    const keyArtId = await designedKeyArt();
    expect((await call(putBrand, `/api/campaigns/${id}/brand`, json("PUT", KIT), id)).status).toBe(200);
    const markets = await call(putMarkets, `/api/campaigns/${id}/markets`, json("PUT", MARKETS), id);
    expect(markets.status, JSON.stringify(markets.body)).toBe(200);
    // Each market got its country's cinema poster by default.
    expect(markets.body.markets.map((m: Json) => m.placements[0])).toEqual(["grande", "din-a1", "cartel-70x100"]);
    expect(
      (await call(addKeyArt, `/api/campaigns/${id}/key-art`, json("POST", { posterId: keyArtId }), id)).status,
    ).toBe(200);

    const before = (await recentSpending(1))[0]?.entries.length ?? 0;
    const run = await call(
      runRoute,
      `/api/campaigns/${id}/deliverables`,
      json("POST", { keyArt: keyArtId, placements: PLACEMENTS }),
      id,
    );
    expect(run.status, JSON.stringify(run.body)).toBe(202);
    expect(run.body.cells).toBe(12);
    expect(run.body.statusUrl).toBe(`/api/jobs/${run.body.jobId}`);
    // The 2:3 art crops to a one-sheet; the other three shapes are Reframes (widescreen also Fast Upscale to 1920).
    const reframes = run.body.modelCalls;
    expect(reframes).toBeGreaterThanOrEqual(3);
    expect(reframes).toBeLessThanOrEqual(PLACEMENTS.length * 2);
    const done = await waitFor(() => status(run.body.jobId), finished, 180_000);
    expect(done.status, JSON.stringify(done)).toBe("done");
    expect(done.progress).toEqual({ done: 12, failed: 0, total: 12 });

    // Only the placements' art cost money: one ledger entry per model call, none twice.
    const entries = ((await recentSpending(1))[0]?.entries ?? []).slice(0, -before || undefined);
    const charged = (await recentSpending(1))[0]?.entries.length ?? 0;
    expect(charged - before, JSON.stringify(entries)).toBe(reframes);

    const view = await matrix(id);
    expect(view.totals).toMatchObject({ total: 12, done: 12, failed: 0, queued: 0, outOfDate: 0 });
    const artIds = new Set<string>();
    for (const cell of view.cells) {
      const placement = findPlacement(cell.placement);
      const poster = await getPoster(cell.posterId);
      if (!placement || !poster) throw new Error(JSON.stringify(cell));
      // The placement's shape, to a pixel (screen placements at exactly their pixels).
      if (placement.targetPx) expect({ width: poster.width, height: poster.height }).toEqual(placement.targetPx);
      else
        expect(
          Math.abs(poster.width - (poster.height * placement.w) / placement.h),
          cell.placement,
        ).toBeLessThanOrEqual(1);
      // Lineage: key art → placement art → market version.
      expect(poster.operation).toBe("localize");
      expect(poster.campaign).toEqual({ id, role: "cell", market: cell.market, placement: cell.placement });
      const art = await getPoster(poster.parentId ?? "");
      expect(art?.parentId).toBe(keyArtId);
      expect(art?.campaign).toMatchObject({ id, role: "placement", placement: cell.placement });
      artIds.add(art?.id ?? "");
      expect(poster.design?.title).toBe(MARKETS.find((m) => m.code === cell.market)?.title);
      expect(poster.design?.titleFont).toBe("anton");
      expect(poster.design?.billing).toContain("starring MAYA OKAFOR  JONAS REED");
      if (cell.market === "de-DE") expect(poster.design?.billing).toContain("FSK 12");
    }
    // One art per placement, shared by the three markets.
    expect(artIds.size).toBe(PLACEMENTS.length);

    // The title of each market's one-sheet, read back from the composed PNG in the market's language.
    for (const market of MARKETS) {
      const cell = view.cells.find((c: Json) => c.market === market.code && c.placement === "one-sheet");
      const poster = await getPoster(cell.posterId);
      if (!poster?.design || !poster.composedKey) throw new Error("not designed");
      const png = Buffer.from(await (await fetch((await client.getPoster(poster.id)).body.url)).arrayBuffer());
      const layout = layoutDesign(poster.design, poster.width, poster.height, { measure: bundledMeasure() });
      const title = layout.boxes.find((b) => b.layer === "title");
      if (!title) throw new Error("no title box");
      const read = await ocr(png, title, LANG[market.code] ?? "eng");
      // The words, and the accents drawn (OCR reads some accented capitals as plain: at least one must come back).
      const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "");
      expect(fold(read), market.code).toContain(fold(market.title.toUpperCase()));
      if (/\p{M}/u.test(market.title.normalize("NFD"))) expect(read.normalize("NFD"), market.code).toMatch(/\p{M}/u);
    }

    // A locked field can't be changed in one poster: 409 brand_locked naming it, and nothing saved.
    const cell = view.cells[0];
    const record = await getPoster(cell.posterId);
    const locked = await saveDesign(
      authed(
        `${SITE}/api/posters/${cell.posterId}/design`,
        json("PUT", { ...record?.design, titleFont: "bebas-neue" }),
      ),
      ctx(cell.posterId),
    );
    expect(locked.status).toBe(409);
    const lockedBody = await locked.json();
    expect(lockedBody.error.code).toBe("brand_locked");
    expect(lockedBody.error.fields).toHaveProperty("titleFont");
    expect((await getPoster(cell.posterId))?.design?.titleFont).toBe("anton");
    // An unlocked field may change.
    const free = await saveDesign(
      authed(`${SITE}/api/posters/${cell.posterId}/design`, json("PUT", { ...record?.design, scrim: 0.3 })),
      ctx(cell.posterId),
    );
    expect(free.status, await free.clone().text()).toBe(200);

    // One market's tagline changes: the kit says what is out of date, and a re-run re-makes that market's cells only.
    const changed = MARKETS.map((m) => (m.code === "de-DE" ? { ...m, tagline: "Ein Licht bleibt" } : m));
    expect(
      (
        await call(
          putMarkets,
          `/api/campaigns/${id}/markets`,
          json(
            "PUT",
            changed.map((m) => ({ ...m, placements: PLACEMENTS })),
          ),
          id,
        )
      ).status,
    ).toBe(200);
    const stale = await matrix(id);
    expect(stale.cells.filter((c: Json) => c.outOfDate).map((c: Json) => c.market)).toEqual([
      "de-DE",
      "de-DE",
      "de-DE",
      "de-DE",
    ]);
    const rerun = await call(
      runRoute,
      `/api/campaigns/${id}/deliverables`,
      json("POST", { keyArt: keyArtId, placements: PLACEMENTS }),
      id,
    );
    expect(rerun.status).toBe(202);
    // The fr-FR cell whose design was edited (scrim) is made again too? No: a cell's digest is of its inputs.
    expect(rerun.body).toMatchObject({ cells: 4, upToDate: 8, price: 0, modelCalls: 0 });
    await waitFor(
      () => status(rerun.body.jobId),
      (s) => s.status === "done",
      120_000,
    );
    const after = await matrix(id);
    for (const c of after.cells) {
      const old = view.cells.find((v: Json) => v.market === c.market && v.placement === c.placement);
      if (c.market === "de-DE") expect(c.posterId, c.placement).not.toBe(old.posterId);
      else expect(c.posterId, c.placement).toBe(old.posterId);
    }
    expect(((await recentSpending(1))[0]?.entries.length ?? 0) - before).toBe(reframes);

    // fr-FR's ZIP: made by a job (202), then handed out (302); the manifest lists exactly the files in it.
    const zipUrl = `/api/campaigns/${id}/deliverables/zip?market=fr-FR`;
    const asked = await call(zipRoute, zipUrl, {}, id);
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    await waitFor(() => status(asked.body.jobId), finished, 120_000);
    const ready = await zipRoute(authed(`${SITE}${zipUrl}`), ctx(id));
    expect(ready.status).toBe(302);
    const files = unzipSync(new Uint8Array(await (await fetch(ready.headers.get("location") ?? "")).arrayBuffer()));
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
    const layered: Json[] = [];
    expect(Object.keys(files).sort()).toEqual([...manifest.files.map((f: Json) => f.file), "manifest.json"].sort());
    for (const f of manifest.files) {
      expect(f.market).toBe("fr-FR");
      expect(f.lineage.keyArtId).toBe(keyArtId);
      if (f.kind === "png") {
        const meta = await sharp(Buffer.from(files[f.file] ?? [])).metadata();
        expect({ width: meta.width, height: meta.height }).toEqual({ width: f.widthPx, height: f.heightPx });
      } else if (f.kind === "psd") {
        layered.push(f);
      } else {
        expect(new TextDecoder().decode(files[f.file]?.slice(0, 5))).toBe("%PDF-");
      }
    }
    // Every cell comes as a layered PSD too: ImageMagick (not the writer's own reader) finds the composite at the
    // cell's pixels, then the art and the lettering as named layers, the localized title among them.
    expect(layered.map((f) => f.placement).sort()).toEqual([...PLACEMENTS].sort());
    const dir = mkdtempSync(path.join(os.tmpdir(), "campaign-psd-"));
    for (const f of layered) {
      const file = path.join(dir, path.basename(f.file));
      writeFileSync(file, files[f.file] ?? new Uint8Array());
      const listed = execFileSync("identify", ["-format", "%l|%w|%h\n", file]).toString().trim().split("\n");
      expect(listed[0], f.file).toBe(`|${f.widthPx}|${f.heightPx}`);
      const names = listed.slice(1).map((line) => line.split("|")[0]);
      expect(names.slice(0, 1), f.file).toEqual(["Art"]);
      expect(names, f.file).toContain("Title");
      expect(names, f.file).toContain("Tagline");
    }
    // Print placements (one-sheet, billboard) come as print masters too.
    expect(
      manifest.files
        .filter((f: Json) => f.kind === "pdf")
        .map((f: Json) => f.placement)
        .sort(),
    ).toEqual(["billboard-48-sheet", "one-sheet"]);
  }, 600_000);

  it("refuses bad input with field messages, writes nothing, and lets only the maker change a campaign", async () => {
    const id = await newCampaign();
    const put = (body: unknown, who: MemberName = "alice") =>
      call(putMarkets, `/api/campaigns/${id}/markets`, json("PUT", body), id, who);
    const unknown = await put([{ code: "fr-FR", title: "X", placements: ["moon-sheet"] }]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields["0.placements.0"]).toMatch(/Unknown placement "moon-sheet"/);
    const twice = await put([
      { code: "fr-FR", title: "A" },
      { code: "fr-fr", title: "B" },
    ]);
    expect(twice.status).toBe(400);
    expect(twice.body.error.fields["1.code"]).toMatch(/fr-FR is listed twice/);
    const notACode = await put([{ code: "french!", title: "A" }]);
    expect(notACode.body.error.fields["0.code"]).toMatch(/BCP 47/);
    const hebrew = await put([{ code: "he-IL", title: "האור האחרון" }]);
    expect(hebrew.status).toBe(400);
    expect(hebrew.body.error.fields["0.title"]).toMatch(/Hebrew script/);
    const tooMany = await put(
      Array.from({ length: 51 }, (_, i) => ({ code: `en-${String(i).padStart(3, "0")}`, title: "A" })),
    );
    expect(tooMany.status).toBe(400);
    // Someone else's campaign: viewable, not changeable.
    expect((await put([{ code: "fr-FR", title: "A" }], "bob")).status).toBe(403);
    expect((await call(getCampaignRoute, `/api/campaigns/${id}`, {}, id, "bob")).status).toBe(200);
    expect((await call(deleteCampaign, `/api/campaigns/${id}`, { method: "DELETE" }, id, "bob")).status).toBe(403);
    const view = await call(getCampaignRoute, `/api/campaigns/${id}`, {}, id);
    expect(view.body.markets).toEqual([]);
    // A locked kit field that doesn't exist, a run without key art.
    const badKit = await call(
      putBrand,
      `/api/campaigns/${id}/brand`,
      json("PUT", { ...KIT, locked: ["everything"] }),
      id,
    );
    expect(badKit.status).toBe(400);
    const noArt = await call(
      runRoute,
      `/api/campaigns/${id}/deliverables`,
      json("POST", { keyArt: "AAAAAAAAAAAAAAAA" }),
      id,
    );
    expect(noArt.status).toBe(400);
    expect(noArt.body.error.fields.keyArt).toMatch(/isn't key art/);
    expect((await call(deleteCampaign, `/api/campaigns/${id}`, { method: "DELETE" }, id)).status).toBe(204);
    expect((await call(getCampaignRoute, `/api/campaigns/${id}`, {}, id)).status).toBe(404);
  });

  it("keeps title logos: attached, each answers a URL that serves it; the kit and markets naming one come back with its URL", async () => {
    const id = await newCampaign();
    const data = Buffer.alloc(120 * 40 * 4);
    for (let i = 0; i < 120 * 20; i++) data.set([245, 197, 66, 255], i * 4);
    const logoPng = await sharp(data, { raw: { width: 120, height: 40, channels: 4 } })
      .png()
      .toBuffer();
    const attach = async (bytes: Buffer) =>
      call(
        attachCampaignLogo,
        `/api/campaigns/${id}/logo`,
        json("POST", { uploadId: await putUpload("alice", bytes) }),
        id,
      );
    const flat = await attach(
      await sharp({ create: { width: 64, height: 64, channels: 3, background: "#fff" } })
        .png()
        .toBuffer(),
    );
    expect(flat.status).toBe(400);
    expect(flat.body.error.message).toMatch(/no transparent background/);

    const kitLogo = await attach(logoPng);
    expect(kitLogo.status).toBe(201);
    expect(kitLogo.body).toMatchObject({ logo: expect.stringMatching(/^logo-/), width: 120, height: 40 });
    const served = await fetch(kitLogo.body.url);
    expect(served.status).toBe(200);
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(120);
    const frLogo = (await attach(logoPng)).body.logo;

    expect(
      (await call(putBrand, `/api/campaigns/${id}/brand`, json("PUT", { ...KIT, logo: kitLogo.body.logo }), id)).status,
    ).toBe(200);
    const markets = await call(
      putMarkets,
      `/api/campaigns/${id}/markets`,
      json("PUT", [
        {
          code: "fr-FR",
          title: "Le Phare",
          logo: frLogo,
          credits: [{ role: "avec", names: ["JONAS REED", "MAYA OKAFOR"] }],
        },
        { code: "fr-BE", title: "Le Phare", logo: frLogo },
        { code: "en-GB", title: "The Lighthouse" },
      ]),
      id,
    );
    expect(markets.status).toBe(200);
    expect(markets.body.markets[0].credits).toEqual([{ role: "avec", names: ["JONAS REED", "MAYA OKAFOR"] }]);
    const view = (await call(getCampaignRoute, `/api/campaigns/${id}`, { method: "GET" }, id)).body;
    // One URL per logo, however many markets name it (en-GB names none: it takes the kit's).
    expect(Object.keys(view.logoUrls).sort()).toEqual([kitLogo.body.logo, frLogo].sort());
    expect((await fetch(view.logoUrls[frLogo])).status).toBe(200);
  });

  it("imports markets from a spreadsheet: a bad row refuses the whole file with its line, unless only the good rows are asked for", async () => {
    const id = await newCampaign();
    const csv = [
      "code,title,tagline,date,rating_system,rating_code,billing,placements",
      "fr-FR,La Dernière Lumière,Chaque lumière est une promesse,12 mars 2027,,,starring: MAYA OKAFOR; directed by: ANNA KARLSSON,",
      "de-DE,Das Letzte Licht,,AB 12. MÄRZ,FSK,12,,din-a1 story",
      "he-IL,האור האחרון,,,,,,",
      "xx!,Nope,,,,,,",
    ].join("\r\n");
    const upload = await putUpload("alice", Buffer.from(`\uFEFF${csv}`), "text/csv");
    const importing = (goodRowsOnly?: boolean) =>
      call(
        importRoute,
        `/api/campaigns/${id}/markets/import`,
        json("POST", { uploadId: upload, ...(goodRowsOnly ? { goodRowsOnly } : {}) }),
        id,
      );
    const refused = await importing();
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.body.error.message).toMatch(/2 rows have problems, so nothing was imported/);
    expect(refused.body.error.fields["4.title"]).toMatch(/Hebrew script/);
    expect(Object.keys(refused.body.error.fields).some((k) => k.startsWith("5."))).toBe(true);
    expect((await call(getCampaignRoute, `/api/campaigns/${id}`, {}, id)).body.markets).toEqual([]);

    const good = await importing(true);
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body.imported).toBe(2);
    expect(good.body.errors.map((e: Json) => e.line)).toEqual([4, 5]);
    const markets = (await call(getCampaignRoute, `/api/campaigns/${id}`, {}, id)).body.markets;
    expect(markets.map((m: Json) => m.code)).toEqual(["fr-FR", "de-DE"]);
    expect(markets[0].credits).toEqual([
      { role: "starring", names: ["MAYA OKAFOR"] },
      { role: "directed by", names: ["ANNA KARLSSON"] },
    ]);
    expect(markets[1]).toMatchObject({ rating: { system: "FSK", code: "12" }, placements: ["din-a1", "story"] });
    // Someone else can't import into it.
    const theirs = await putUpload("bob", Buffer.from(csv), "text/csv");
    const bob = await call(
      importRoute,
      `/api/campaigns/${id}/markets/import`,
      json("POST", { uploadId: theirs }),
      id,
      "bob",
    );
    expect(bob.status).toBe(403);
  });
});
