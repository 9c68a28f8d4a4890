import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFRef } from "@cantoo/pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { layoutDesign } from "@/lib/design/layout";
import { bundledMeasure } from "@/lib/design/metrics";
import { designSchema } from "@/lib/design/schema";
import { fieldErrors } from "@/lib/models";
import { exportRequestSchema } from "@/lib/print/export-schema";
import { composePdf, composeTiff } from "@/lib/print/master";
import { PRINT_SIZE_IDS, PRINT_SIZES, pageInches, resolveSize } from "@/lib/print/sizes";

// Print masters: the PDF's boxes for every size, the lettering as vector outlines (the only image is the art, at its
// own pixels), the title readable once the PDF is rendered back to pixels (poppler's pdftoppm, then tesseract), the
// crop reported rather than the art stretched, and the TIFF in CMYK.

const design = designSchema.parse({ template: "minimal", title: "Neon Tide", scrim: 0 });
const tmp = () => mkdtempSync(path.join(os.tmpdir(), "print-"));

/** Dark art with some texture: light automatic lettering on it, as on most key art. */
const art = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 28, g: 34, b: 52 } } })
    .composite([
      {
        input: Buffer.from(
          `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 3}" r="${width / 4}" fill="#3b4f7a"/></svg>`,
        ),
      },
    ])
    .png()
    .toBuffer();

async function parse(bytes: Buffer) {
  const doc = await PDFDocument.load(bytes);
  const page = doc.getPage(0);
  const box = (name: string) => {
    const array = page.node.lookup(PDFName.of(name), PDFArray);
    return array.asArray().map((n) => Number(n.toString()));
  };
  const images = doc.context
    .enumerateIndirectObjects()
    .map(([, obj]) => obj)
    .filter((obj): obj is PDFRawStream => obj instanceof PDFRawStream)
    .filter((s) => s.dict.get(PDFName.of("Subtype")) === PDFName.of("Image"))
    .map((s) => ({ width: Number(s.dict.get(PDFName.of("Width"))), height: Number(s.dict.get(PDFName.of("Height"))) }));
  const contents = page.node.get(PDFName.of("Contents"));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  const text = refs
    .map((ref) => doc.context.lookup(ref as PDFRef))
    .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
    .map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString("latin1"))
    .join("\n");
  return { media: box("MediaBox"), trim: box("TrimBox"), bleed: box("BleedBox"), images, text };
}

const close = (actual: number[], expected: number[]) =>
  expect(actual.map((n) => Math.round(n * 100) / 100)).toEqual(expected.map((n) => Math.round(n * 100) / 100));

/** The PDF's page as pixels, by poppler's pdftoppm, at `dpi`. */
async function renderPage(bytes: Uint8Array, dpi: number) {
  const dir = tmp();
  writeFileSync(path.join(dir, "master.pdf"), bytes);
  execFileSync("pdftoppm", [
    "-r",
    String(dpi),
    "-png",
    "-singlefile",
    path.join(dir, "master.pdf"),
    path.join(dir, "page"),
  ]);
  return { png: readFileSync(path.join(dir, "page.png")), dpi, dir };
}

/** The title as tesseract reads it from the rendered page (light lettering made black on white), in upper case with
 * anything but letters made spaces. The box reaches a little above the capitals, for accents such as Й's breve. */
async function readTitle(
  page: { png: Buffer; dpi: number; dir: string },
  lettered: typeof design,
  size: (typeof PRINT_SIZES)[keyof typeof PRINT_SIZES],
  lang: "eng" | "rus",
) {
  const title = layoutDesign(lettered, size.widthIn * 72, size.heightIn * 72, { measure: bundledMeasure() }).boxes.find(
    (b) => b.layer === "title",
  );
  if (!title) throw new Error("no title box");
  const k = page.dpi / 72;
  const pad = 8;
  const above = title.height * 0.3;
  const region = await sharp(page.png)
    .extract({
      left: Math.max(0, Math.floor((title.x + size.bleedIn * 72) * k - pad)),
      top: Math.max(0, Math.floor((title.y - above + size.bleedIn * 72) * k - pad)),
      width: Math.ceil(title.width * k + 2 * pad),
      height: Math.ceil((title.height + above) * k + 2 * pad),
    })
    .threshold(160)
    .toBuffer();
  writeFileSync(path.join(page.dir, "title.png"), await sharp(region).negate({ alpha: false }).png().toBuffer());
  const read = execFileSync("tesseract", [path.join(page.dir, "title.png"), "stdout", "-l", lang, "--psm", "7"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return read
    .toUpperCase()
    .replace(/[^\p{L}]+/gu, " ")
    .trim();
}

describe("the PDF master", () => {
  it.each(PRINT_SIZE_IDS)("%s: MediaBox = BleedBox = trim + bleed, TrimBox the trim, in points", async (id) => {
    const size = PRINT_SIZES[id];
    const pdf = await composePdf(await art(400, 600), design, size, { title: "Neon Tide" });
    const { media, trim, bleed } = await parse(pdf.bytes);
    const page = pageInches(size);
    close(media, [0, 0, page.widthIn * 72, page.heightIn * 72]);
    close(bleed, media);
    close(trim, [
      size.bleedIn * 72,
      size.bleedIn * 72,
      (size.bleedIn + size.widthIn) * 72,
      (size.bleedIn + size.heightIn) * 72,
    ]);
  });

  it("a custom size and bleed are what was asked", async () => {
    const size = resolveSize({ widthIn: 30, heightIn: 45 }, 0.25);
    const { media, trim } = await parse((await composePdf(await art(400, 600), design, size, { title: "T" })).bytes);
    close(media, [0, 0, 30.5 * 72, 45.5 * 72]);
    close(trim, [18, 18, 30.25 * 72, 45.25 * 72]);
  });

  it("sets the lettering as vector outlines: the only image is the art, at its own pixels, cropped not stretched", async () => {
    const pdf = await composePdf(await art(832, 1216), design, PRINT_SIZES["us-one-sheet"], { title: "Neon Tide" });
    const { images, text } = await parse(pdf.bytes);
    expect(images).toEqual([{ width: pdf.crop.width, height: pdf.crop.height }]);
    // 832×1216 is a little wider than 27.25×40.25: the sides are cropped, the height kept, nothing enlarged.
    expect(pdf.crop.height).toBe(1216);
    expect(pdf.crop.width).toBeLessThan(832);
    expect(pdf.crop.width / pdf.crop.height).toBeCloseTo(27.25 / 40.25, 2);
    // The title's glyphs are filled paths: moves, lines and curves (m, l, c), closed (h) and filled (f).
    const pathOps = (s: string) => s.match(/^[-\d. ]+ [mlc]$/gm)?.length ?? 0;
    expect(pathOps(text)).toBeGreaterThan(60);
    expect(text).toMatch(/^f$/m);
    // Without lettering, no paths at all: they really are the title.
    const plain = await parse(
      (await composePdf(await art(832, 1216), undefined, PRINT_SIZES["us-one-sheet"], { title: "x" })).bytes,
    );
    expect(pathOps(plain.text)).toBe(0);
  });

  it("places a title logo (the user's PNG with transparency) where the title goes, at its own pixels", async () => {
    const logo = await sharp({
      create: { width: 600, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><rect x="20" y="40" width="560" height="120" fill="#e0b040"/></svg>',
          ),
        },
      ])
      .png()
      .toBuffer();
    const withLogo = designSchema.parse({ template: "minimal", logo: "logo-abcdefgh12", scrim: 0 });
    const pdf = await composePdf(await art(400, 600), withLogo, PRINT_SIZES["24x36"], { title: "Neon Tide", logo });
    const { images } = await parse(pdf.bytes);
    expect(images).toContainEqual({ width: 600, height: 200 });
    expect(images).toContainEqual({ width: 400, height: expect.any(Number) });
  });

  it("renders back to pixels with the title readable (pdftoppm, then OCR)", async () => {
    const size = PRINT_SIZES["us-one-sheet"];
    const pdf = await composePdf(await art(832, 1216), design, size, { title: "Neon Tide" });
    const page = await renderPage(pdf.bytes, 24);
    expect((await sharp(page.png).metadata()).width).toBe(Math.round(27.25 * 24));
    expect(await readTitle(page, design, size, "eng")).toContain("NEON TIDE");
  });

  it("sets a Cyrillic title as vector outlines too: no text objects, no fonts, no image but the art, and readable", async () => {
    const size = PRINT_SIZES["us-one-sheet"];
    const russian = designSchema.parse({
      template: "minimal",
      title: "Последний маяк",
      titleFont: "oswald",
      titleSize: 9,
      scrim: 0,
    });
    const pdf = await composePdf(await art(832, 1216), russian, size, { title: "Последний маяк" });
    const { images, text } = await parse(pdf.bytes);
    expect(images).toEqual([{ width: pdf.crop.width, height: pdf.crop.height }]);
    expect(text.match(/^[-\d. ]+ [mlc]$/gm)?.length ?? 0).toBeGreaterThan(60);
    // Text objects (BT … ET) would be type set with an embedded font, which a printer may substitute: there are none.
    expect(text).not.toMatch(/^BT$/m);
    const dir = tmp();
    writeFileSync(path.join(dir, "master.pdf"), pdf.bytes);
    const fonts = execFileSync("pdffonts", [path.join(dir, "master.pdf")], { encoding: "utf8" })
      .trim()
      .split("\n");
    expect(fonts.slice(2), "pdffonts lists no font").toEqual([]);
    expect(await readTitle(await renderPage(pdf.bytes, 36), russian, size, "rus")).toContain("ПОСЛЕДНИЙ МАЯК");
  });

  it("says the art's effective resolution, never more, and what a crop cut away", async () => {
    const quad = await composePdf(await art(832, 1216), design, PRINT_SIZES["uk-quad"], { title: "T" });
    // A portrait art on a landscape quad: the full width, a band of the height.
    expect(quad.crop.width).toBe(832);
    expect(quad.effectivePpi).toBe(Math.floor(832 / 40.25));
    // Only advice a run can follow: Fast 4× makes 3328×4864, of which round(3328 / (40.25/30.25)) = 2501 rows fill
    // the quad: min(3328/40.25, 2501/30.25) → 82 ppi, the most any upscaler gives.
    expect(quad.warnings).toContain(
      "20 ppi at 40×30 in: below 150 ppi, so it prints soft. No upscaler reaches 150 ppi at this size; " +
        "Fast 4× comes closest: 82 ppi for $0.03.",
    );
    expect(quad.warnings.some((w) => w.includes("cropped from the top and bottom") && w.includes("Reframe"))).toBe(
      true,
    );
    const sheet = await composePdf(await art(4088, 6038), design, PRINT_SIZES["us-one-sheet"], { title: "T" });
    expect(sheet.effectivePpi).toBe(150);
    // 4088×6038 is more than any upscaler takes: Fast shrinks it to 842×1244 first (→ 3368×4976, 123 ppi), the others
    // end at 4,096 px: none would make it sharper, so none is offered.
    expect(sheet.warnings[0]).toBe(
      "150 ppi at 27×40 in: fine at a distance. No upscaler makes this art sharper at this size.",
    );
  });
});

describe("the TIFF master", () => {
  it("is CMYK with a profile, at the art's own resolution by default, and says so when asked for more", async () => {
    const file = path.join(tmp(), "m.tif");
    const size = resolveSize({ widthIn: 4, heightIn: 6 });
    const master = await composeTiff(await art(400, 600), design, size, { file });
    const meta = await sharp(file).metadata();
    expect(meta.space).toBe("cmyk");
    expect(meta.channels).toBe(4);
    expect(Boolean(meta.icc)).toBe(true);
    expect(master.effectivePpi).toBe(Math.floor(400 / 4.25));
    expect({ w: meta.width, h: meta.height, d: meta.density }).toEqual({
      w: Math.round(4.25 * 94),
      h: Math.round(6.25 * 94),
      d: 94,
    });
    const enlarged = path.join(tmp(), "m150.tif");
    const asked = await composeTiff(await art(400, 600), design, size, { file: enlarged, ppi: 150 });
    expect((await sharp(enlarged).metadata()).width).toBe(Math.round(4.25 * 150));
    expect(asked.warnings.some((w) => w.includes("only holds 94 ppi"))).toBe(true);
  });
});

describe("the export request", () => {
  const errors = (value: unknown) => {
    const result = exportRequestSchema.safeParse(value);
    return result.success ? {} : fieldErrors(result.error);
  };
  it("names the choices for an unknown size or format, and refuses a custom side beyond 120 in", () => {
    expect(errors({ format: "png", size: "poster" })).toEqual({
      format: "Pick a format: pdf, tiff or psd.",
      size: "Pick a print size: us-one-sheet, uk-quad, 24x36, a1, a0, bus-shelter, or a custom {widthIn, heightIn} up to 120 in a side.",
    });
    expect(errors({ format: "pdf", size: { widthIn: 121, heightIn: 40 } }).size).toBe(
      "The custom width can be at most 120 in: larger prints are made in sections.",
    );
    expect(errors({ format: "pdf", size: { widthIn: 40, heightIn: 120 } })).toEqual({});
    expect(errors({ format: "pdf", size: "a1", bleedIn: -1 }).bleedIn).toBe("The bleed can't be negative.");
  });
});
