import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { POST as attachLogo } from "@/app/api/posters/[id]/design/logo/route";
import { POST as preview } from "@/app/api/posters/[id]/design/preview/route";
import { DELETE as removeDesign, PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { client } from "../support/api";
import { encode } from "../support/images";
import { authed, type MemberName, withLocalStack } from "../support/local-stack";
import { putUpload } from "../support/uploads";

// Lettering through the API, read back from the pixels: the billing block's lines really are one width, an "auto"
// title says where it went, a logo is drawn in the title's place, and a template that hides layers keeps them.
const local = withLocalStack();

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const body = (design: object) => JSON.stringify(design);
const put = (id: string, design: object) =>
  saveDesign(authed(`http://studio.test/api/posters/${id}/design`, { method: "PUT", body: body(design) }), params(id));
const render = (id: string, design: object, width = 832) =>
  preview(
    authed(`http://studio.test/api/posters/${id}/design/preview?width=${width}`, {
      method: "POST",
      body: body(design),
    }),
    params(id),
  );
const attach = (id: string, uploadId: string, as: MemberName = "alice") =>
  attachLogo(
    authed(`http://studio.test/api/posters/${id}/design/logo`, { method: "POST", body: body({ uploadId }) }, as),
    params(id),
  );
const png = async (response: Response) => Buffer.from(await response.arrayBuffer());
const bytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

/** Where the text is: the pixels that change when only the text's colour does (whatever the art under it). */
async function inkMask(a: Buffer, b: Buffer) {
  const x = await sharp(a).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const y = await sharp(b).removeAlpha().raw().toBuffer();
  const { width, height } = x.info;
  const ink = (px: number, py: number) => {
    const i = (py * width + px) * 3;
    return Math.abs((x.data[i] ?? 0) - (y[i] ?? 0)) > 60;
  };
  return { width, height, ink };
}

describe("billing block, as rendered", () => {
  it("sets every credit line to the same width (within a px or two of ink) and keeps typed credits apart", async () => {
    const poster = (await client.createPoster({ prompt: "a harbor at night, for billing", seed: 31 })).body;
    const design = {
      template: "classic",
      billing:
        "A NORTHLIGHT PICTURES PRODUCTION  A FILM BY JANE DOE\nSTARRING ALEX RIVERA  SAM CHEN  MORGAN LEE\nMUSIC BY K. OSEI  EDITED BY P. NOVAK\nDIRECTED BY JANE DOE",
      scrim: 0,
    };
    const light = await render(poster.id, { ...design, textColor: "#FFFFFF" });
    expect(light.status, await light.clone().text()).toBe(200);
    const dark = await png(await render(poster.id, { ...design, textColor: "#000000" }));
    const { width, height, ink } = await inkMask(await png(light), dark);

    // Rows of ink, from the foot up: each billing line is one run of rows with ink.
    const lines: { top: number; left: number; right: number }[] = [];
    let inLine = false;
    for (let y = Math.round(height * 0.6); y < height; y++) {
      let left = -1;
      let right = -1;
      for (let x = 0; x < width; x++)
        if (ink(x, y)) {
          if (left < 0) left = x;
          right = x;
        }
      if (left < 0) {
        inLine = false;
        continue;
      }
      const line = inLine ? lines.at(-1) : undefined;
      if (line) {
        line.left = Math.min(line.left, left);
        line.right = Math.max(line.right, right);
      } else lines.push({ top: y, left, right });
      inLine = true;
    }
    expect(lines).toHaveLength(4);
    const widths = lines.map((l) => l.right - l.left);
    expect(Math.max(...widths) - Math.min(...widths), `widths ${widths}`).toBeLessThanOrEqual(2);
    const lefts = lines.map((l) => l.left);
    expect(Math.max(...lefts) - Math.min(...lefts), `left edges ${lefts}`).toBeLessThanOrEqual(2);

    // The second line's three credits stay three, with wide gaps between them: find the gaps in its ink.
    const second = lines[1] as (typeof lines)[number];
    const columns: boolean[] = [];
    for (let x = second.left; x <= second.right; x++) {
      let any = false;
      for (let y = second.top; y < second.top + 12 && !any; y++) any = ink(x, y);
      columns.push(any);
    }
    const gaps: number[] = [];
    let run = 0;
    for (const c of columns) {
      if (!c) run++;
      else {
        if (run) gaps.push(run);
        run = 0;
      }
    }
    const wide = gaps.filter(
      (g) =>
        g >
        3 *
          Math.max(
            ...gaps
              .slice()
              .sort((a, b) => a - b)
              .slice(0, gaps.length - 2),
          ),
    );
    expect(wide, `gaps ${gaps}`).toHaveLength(2);
  });
});

describe("title placement and logo", () => {
  it('says where an "auto" title went', async () => {
    const poster = (await client.createPoster({ prompt: "a lighthouse, for placement", seed: 32 })).body;
    const response = await render(poster.id, { template: "minimal", title: "Storm Light", titleY: "auto" }, 400);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(decodeURIComponent(response.headers.get("x-design-placement") ?? "")).toMatch(
      /^Title placed in the (top|middle|bottom) band: calmest area\.$/,
    );
  });

  it("draws an uploaded logo with transparency instead of the title's type, stored beside the poster", async () => {
    const poster = (await client.createPoster({ prompt: "a pier, for a logo", seed: 33 })).body;
    // A magenta disc on a transparent square: a title treatment.
    const logo = await encode(200, 100, (x, y) =>
      (x - 100) ** 2 / 90 ** 2 + (y - 50) ** 2 / 40 ** 2 < 1 ? [255, 0, 255, 255] : [0, 0, 0, 0],
    );
    const attached = await attach(poster.id, await putUpload("alice", logo));
    expect(attached.status, await attached.clone().text()).toBe(201);
    const { logo: name, width, height } = (await attached.json()) as { logo: string; width: number; height: number };
    expect({ width, height }).toEqual({ width: 200, height: 100 });
    expect(await local.objectKeys()).toContain(`posters/${poster.id}/${name}.png`);

    const saved = await put(poster.id, { template: "minimal", title: "Pier Nine", logo: name, scrim: 0 });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const composed = await sharp(await bytes(((await saved.json()) as { poster: { url: string } }).poster.url))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    let magenta = 0;
    for (let i = 0; i < composed.data.length; i += 3)
      if ((composed.data[i] ?? 0) > 230 && (composed.data[i + 1] ?? 255) < 30 && (composed.data[i + 2] ?? 0) > 230)
        magenta++;
    // The disc, scaled to the title's width (72% of 832 px at the default size): thousands of pixels, not a few.
    expect(magenta).toBeGreaterThan(20_000);
    expect((await client.getPoster(poster.id)).body.design.logo).toBe(name);

    // Removing the design removes its logo too.
    await removeDesign(
      authed(`http://studio.test/api/posters/${poster.id}/design`, { method: "DELETE" }),
      params(poster.id),
    );
    expect(await local.objectKeys()).not.toContain(`posters/${poster.id}/${name}.png`);
  });

  it("refuses a logo that isn't a PNG with transparency, someone else's poster, and a logo that isn't stored", async () => {
    const poster = (await client.createPoster({ prompt: "a pier, for bad logos", seed: 34 })).body;
    const refusal = async (response: Response) => {
      const { error } = (await response.json()) as { error: { code: string; message: string; fields?: object } };
      return { status: response.status, ...error };
    };
    const opaque = await encode(64, 64, () => [255, 0, 255, 255]);
    expect(await refusal(await attach(poster.id, await putUpload("alice", opaque)))).toMatchObject({
      status: 400,
      code: "image_invalid",
      message: "The logo has no transparent background: export it as a PNG with transparency.",
    });
    const jpeg = await sharp(opaque).jpeg().toBuffer();
    expect(await refusal(await attach(poster.id, await putUpload("alice", jpeg, "image/jpeg")))).toMatchObject({
      status: 400,
      message: "A title logo must be a PNG image (with a transparent background).",
    });
    const clear = await encode(64, 64, (x) => [255, 0, 255, x < 32 ? 0 : 255]);
    expect((await refusal(await attach(poster.id, await putUpload("bob", clear), "bob"))).status).toBe(403);
    const gone = await put(poster.id, { template: "minimal", title: "x", logo: "logo-AAAAAAAAAAAAAAAA" });
    expect(await refusal(gone)).toMatchObject({
      status: 400,
      fields: { logo: expect.stringMatching(/upload it again/) },
    });
    const elsewhere = await put(poster.id, { template: "minimal", title: "x", logo: "../other/poster" });
    expect((await refusal(elsewhere)).status).toBe(400);
  });
});

describe("switching templates", () => {
  it("keeps the text a template hides in the saved design, and the answer names it", async () => {
    const poster = (await client.createPoster({ prompt: "a pier, for templates", seed: 35 })).body;
    const typed = { title: "Pier Nine", tagline: "Low tide tells", billing: "A NORTHLIGHT PICTURE", date: "2027" };
    const saved = await put(poster.id, { template: "minimal", ...typed });
    expect(saved.status).toBe(200);
    const { warnings } = (await saved.json()) as { warnings: string[] };
    expect(warnings).toEqual([
      "Minimal doesn't show the tagline, billing block and release date: kept in the design, and shown again with a template that has them.",
    ]);
    expect((await client.getPoster(poster.id)).body.design).toMatchObject({ template: "minimal", ...typed });
  });
});
