import "server-only";
import { PDFDocument, rgb } from "@cantoo/pdf-lib";
import sharp, { type OverlayOptions } from "sharp";
import { scrimSvg } from "../design/render";
import type { Design } from "../design/schema";
import { letteringOverlay, type PrintLettering, PT_PER_IN, printLettering } from "./lettering";
import { printWarnings } from "./print-advice";
import { type Crop, coverCrop, effectivePpi, FULL_PRINT_PPI } from "./resolution";
import { type PrintSize, pageInches } from "./sizes";

// Print masters: the art cropped to cover trim + bleed (never stretched), the scrim, and the lettering on top.
// The PDF places the art at its own pixels (never upsampled) and draws the lettering as vector outlines; the CMYK
// TIFF rasterises the same outlines at a chosen ppi. sharp streams the big raster, so memory stays a few hundred MB.

export interface Master {
  widthPx: number;
  heightPx: number;
  /** What the art gives on the page, whatever the file's pixel count. */
  effectivePpi: number;
  crop: Crop;
  warnings: string[];
}

// Enough pixels to pick a light or dark text colour for each box: the colour is an average, not detail.
const SAMPLE_WIDTH = 600;

interface Prepared {
  crop: Crop;
  ppi: number;
  lettering?: PrintLettering;
  warnings: string[];
}

/** The logo's size fitted inside its box (as the screen version draws it: `fit: "inside"`, centred). */
function logoPlacement(
  box: { x: number; y: number; width: number; height: number },
  logo: { width: number; height: number },
) {
  const k = Math.min(box.width / logo.width, box.height / logo.height);
  const width = logo.width * k;
  const height = logo.height * k;
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

async function prepare(
  art: Buffer,
  design: Design | undefined,
  size: PrintSize,
  logo: Buffer | undefined,
): Promise<Prepared> {
  const meta = await sharp(art).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const crop = coverCrop(width, height, size);
  const warnings = printWarnings({ width, height }, size, crop);
  if (!design) return { crop, ppi: effectivePpi(crop, size), warnings };
  // The trim inside the crop, small: where the text's automatic colour is read.
  const page = pageInches(size);
  const k = crop.width / page.widthIn;
  const trim = {
    left: crop.left + Math.round(size.bleedIn * k),
    top: crop.top + Math.round(size.bleedIn * k),
    width: Math.max(1, Math.round(size.widthIn * k)),
    height: Math.max(1, Math.round(size.heightIn * k)),
  };
  const sampleHeight = Math.max(1, Math.round((SAMPLE_WIDTH * size.heightIn) / size.widthIn));
  const { data, info } = await sharp(art)
    .extract(trim)
    .resize(SAMPLE_WIDTH, sampleHeight, { fit: "fill" })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const logoMeta = logo ? await sharp(logo).metadata() : undefined;
  const lettering = await printLettering(
    design,
    size,
    { data, width: info.width, height: info.height, channels: info.channels },
    logoMeta?.width && logoMeta.height ? { width: logoMeta.width, height: logoMeta.height } : undefined,
  );
  return { crop, ppi: effectivePpi(crop, size), lettering, warnings: [...warnings, ...lettering.warnings] };
}

const hexColor = (hex: string) => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`unexpected lettering colour ${hex}`);
  return rgb(
    Number.parseInt(m[1] ?? "0", 16) / 255,
    Number.parseInt(m[2] ?? "0", 16) / 255,
    Number.parseInt(m[3] ?? "0", 16) / 255,
  );
};

/** The PDF master: one page, MediaBox = BleedBox = trim + bleed, TrimBox the trim; art at its own resolution. */
export async function composePdf(
  art: Buffer,
  design: Design | undefined,
  size: PrintSize,
  meta: { title: string; logo?: Buffer },
): Promise<Master & { bytes: Buffer }> {
  const prepared = await prepare(art, design, size, meta.logo);
  const { crop } = prepared;
  // The scrim is part of the picture: baked into the art's own pixels, so the only image in the file is the art.
  const picture = sharp(art)
    .extract(crop)
    .removeAlpha()
    .composite(design && design.scrim > 0 ? [{ input: scrimSvg(crop.width, crop.height, design.scrim) }] : []);
  const jpeg = await picture.jpeg({ quality: 95, chromaSubsampling: "4:4:4" }).toBuffer();

  const page = pageInches(size);
  const pageW = page.widthIn * PT_PER_IN;
  const pageH = page.heightIn * PT_PER_IN;
  const bleed = size.bleedIn * PT_PER_IN;
  const doc = await PDFDocument.create();
  doc.setTitle(meta.title);
  doc.setCreator("OneSheet");
  doc.setProducer("OneSheet (pdf-lib)");
  const pdfPage = doc.addPage([pageW, pageH]);
  pdfPage.setBleedBox(0, 0, pageW, pageH);
  pdfPage.setTrimBox(bleed, bleed, size.widthIn * PT_PER_IN, size.heightIn * PT_PER_IN);
  pdfPage.drawImage(await doc.embedJpg(jpeg), { x: 0, y: 0, width: pageW, height: pageH });
  for (const path of prepared.lettering?.paths ?? []) {
    // drawSvgPath flips SVG's downward y: the origin goes at the trim's top-left corner.
    pdfPage.drawSvgPath(path.d, { x: bleed, y: pageH - bleed, color: hexColor(path.fill), borderWidth: 0 });
  }
  const logoBox = prepared.lettering?.logoBox;
  if (logoBox && meta.logo) {
    // The title treatment is the user's own raster (a PNG with transparency): placed as is, at its own pixels.
    const image = await doc.embedPng(meta.logo);
    const at = logoPlacement(logoBox, image);
    pdfPage.drawImage(image, {
      x: bleed + at.x,
      y: pageH - bleed - at.y - at.height,
      width: at.width,
      height: at.height,
    });
  }
  const bytes = Buffer.from(await doc.save());
  return {
    bytes,
    widthPx: crop.width,
    heightPx: crop.height,
    effectivePpi: prepared.ppi,
    crop,
    warnings: prepared.warnings,
  };
}

/** The TIFF's ppi when none is asked for: the art's own, up to 300 (never upsampled to look finer than it is). */
export const defaultTiffPpi = (ppi: number) => Math.max(72, Math.min(FULL_PRINT_PPI, ppi));

/** The CMYK TIFF master at `ppi` (default: the art's own), written to `file` (a 300 ppi page is hundreds of MB:
 * never held in memory): LZW, tiled, sharp's built-in CMYK profile, the resolution written in. */
export async function composeTiff(
  art: Buffer,
  design: Design | undefined,
  size: PrintSize,
  options: { file: string; ppi?: number; logo?: Buffer },
): Promise<Master> {
  const prepared = await prepare(art, design, size, options.logo);
  const ppi = options.ppi ?? defaultTiffPpi(prepared.ppi);
  const page = pageInches(size);
  const width = Math.round(page.widthIn * ppi);
  const height = Math.round(page.heightIn * ppi);
  const warnings = [...prepared.warnings];
  // Only a ppi someone asked for is worth a word: the default's floor of 72 (the least a printer's RIP expects) only
  // ever lifts art the soft-art warning above already names.
  if (options.ppi !== undefined && ppi > prepared.ppi) {
    warnings.push(
      `The TIFF is ${ppi} ppi as asked, but the art only holds ${prepared.ppi} ppi of detail: it was enlarged, not sharpened.`,
    );
  }
  const overlays: OverlayOptions[] = [];
  if (design && design.scrim > 0) overlays.push({ input: scrimSvg(width, height, design.scrim) });
  if (prepared.lettering?.paths.length) {
    overlays.push({ input: letteringOverlay(prepared.lettering, size, width, height), limitInputPixels: false });
  }
  const logoBox = prepared.lettering?.logoBox;
  if (logoBox && options.logo) {
    const logoMeta = await sharp(options.logo).metadata();
    const pxPerPt = ppi / PT_PER_IN;
    const at = logoPlacement(logoBox, { width: logoMeta.width ?? 1, height: logoMeta.height ?? 1 });
    overlays.push({
      input: await sharp(options.logo)
        .resize(Math.max(1, Math.round(at.width * pxPerPt)), Math.max(1, Math.round(at.height * pxPerPt)))
        .png()
        .toBuffer(),
      left: Math.round((size.bleedIn * PT_PER_IN + at.x) * pxPerPt),
      top: Math.round((size.bleedIn * PT_PER_IN + at.y) * pxPerPt),
    });
  }
  // One pipeline (extract → resize → composite → CMYK → TIFF): libvips streams it in strips, never holding the
  // whole page.
  const composed = sharp(art, { limitInputPixels: false })
    .extract(prepared.crop)
    .removeAlpha()
    .resize(width, height, { fit: "cover", kernel: "lanczos3" })
    .composite(overlays);
  const perMm = ppi / 25.4;
  // The output profile alone converts to CMYK and embeds it (sharp's built-in "cmyk"); adding toColourspace("cmyk")
  // converted twice, five times slower.
  await composed
    .withIccProfile("cmyk")
    .tiff({ compression: "lzw", tile: true, xres: perMm, yres: perMm, resolutionUnit: "inch" })
    .toFile(options.file);
  return { widthPx: width, heightPx: height, effectivePpi: prepared.ppi, crop: prepared.crop, warnings };
}
