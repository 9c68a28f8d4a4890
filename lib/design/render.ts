import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import satori from "satori";
import sharp from "sharp";
import { AppError } from "../errors";
import { coveredCodePoints } from "./cmap";
import { FONT_IDS, type FontId, fontFile } from "./fonts";
import { unsettableText } from "./glyphs";
import { type Layout, layoutDesign, type TextBox } from "./layout";
import type { Design } from "./schema";

// Renders a design over the key art: the same code makes the editor's preview (at screen size) and the saved
// poster (at full size), so what the user sees is what they get. Text is laid out by layout.ts, set by satori with
// the bundled fonts (as outlines), and rasterised and composited over the art and a legibility scrim by sharp.

let fonts: Promise<{ name: string; data: Buffer; weight: 400; style: "normal" }[]> | undefined;

function loadFonts() {
  fonts ??= Promise.all(
    FONT_IDS.map(async (id) => ({
      name: id,
      // Not traced from here (it would pull the whole project into the server function): next.config.mjs ships the
      // font files themselves with outputFileTracingIncludes.
      data: await readFile(path.join(/* turbopackIgnore: true */ process.cwd(), fontFile(id))),
      weight: 400 as const,
      style: "normal" as const,
    })),
  );
  return fonts;
}

let coverage: Promise<Map<string, Set<number>>> | undefined;

/** The characters each bundled font can set, read from the very files satori is given. */
function fontCoverage() {
  coverage ??= loadFonts().then((loaded) => new Map(loaded.map((f) => [f.name, coveredCodePoints(f.data)])));
  return coverage;
}

/** invalid_input naming, per field, the characters its font would draw as empty boxes. */
async function assertSettable(design: Design): Promise<void> {
  const covered = await fontCoverage();
  const fields = unsettableText(design, (font) => covered.get(font) ?? new Set());
  if (Object.keys(fields).length > 0) throw new AppError("invalid_input", { fields });
}

export interface Pixels {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

/** Light or dark text for a region of the art, after the scrim darkens it: whichever contrasts more. Sampled from
 * the decoded pixels (decoding once per render; sharp's per-region stats decode the whole image each time). */
export function autoColor(pixels: Pixels, box: TextBox, scrim: number): string {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(pixels.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(pixels.height, Math.ceil(box.y + box.height));
  let sum = 0;
  let count = 0;
  for (let y = y0; y < y1; y += 3) {
    for (let x = x0; x < x1; x += 3) {
      const i = (y * pixels.width + x) * pixels.channels;
      sum +=
        (0.2126 * (pixels.data[i] ?? 0) + 0.7152 * (pixels.data[i + 1] ?? 0) + 0.0722 * (pixels.data[i + 2] ?? 0)) /
        255;
      count++;
    }
  }
  const luminance = (count ? sum / count : 0) * (1 - scrim * 0.8);
  return luminance > 0.5 ? "#111111" : "#f7f3ea";
}

export function scrimSvg(width: number, height: number, strength: number): Buffer {
  const a = strength.toFixed(3);
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs>
      <linearGradient id="top" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity="${a}"/><stop offset="0.28" stop-color="#000" stop-opacity="0"/></linearGradient>
      <linearGradient id="bottom" x1="0" y1="0" x2="0" y2="1"><stop offset="0.45" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="${a}"/></linearGradient>
    </defs>
    <rect width="100%" height="100%" fill="url(#top)"/><rect width="100%" height="100%" fill="url(#bottom)"/>
  </svg>`);
}

/** The design's text set by satori as an SVG of outlines (paths) on a `width`×`height` canvas: the screen render
 * rasterises it, the print master (lib/print) draws the same paths as vectors. `autoColor` picks a colour for a box
 * the design leaves on automatic. */
export async function letteringSvg(
  design: Design,
  layout: Layout,
  width: number,
  height: number,
  autoColorOf: (box: TextBox) => string,
): Promise<string> {
  await assertSettable(design);
  const colored = layout.boxes.map((box) => ({
    box,
    color: (box.layer === "title" ? design.titleColor : design.textColor) ?? autoColorOf(box),
  }));
  return satori(
    {
      type: "div",
      props: {
        style: { display: "flex", width, height, position: "relative" },
        children: colored.map(({ box, color }) => ({
          type: "div",
          props: {
            style: {
              position: "absolute",
              left: box.x,
              top: box.y,
              width: box.width,
              height: box.height,
              display: "flex",
              flexDirection: "column",
              alignItems: "center",
              fontFamily: box.font,
              fontSize: box.fontSize,
              lineHeight: box.lineHeight,
              letterSpacing: box.letterSpacing * box.fontSize,
              color,
            },
            children: box.lines.map((line) => ({ type: "div", props: { style: { display: "flex" }, children: line } })),
          },
        })),
      },
    } as unknown as Parameters<typeof satori>[0],
    { width, height, fonts: await loadFonts() },
  );
}

export interface Composed {
  png: Buffer;
  layout: Layout;
  width: number;
  height: number;
}

/** Composes a design over `art`; `width` renders a smaller preview of exactly the same layout. */
export async function composePoster(art: Buffer, design: Design, options: { width?: number } = {}): Promise<Composed> {
  await assertSettable(design);
  const source = sharp(art);
  const meta = await source.metadata();
  const width = Math.round(Math.min(options.width ?? meta.width ?? 1024, meta.width ?? 1024));
  const height = Math.round(((meta.height ?? 1024) / (meta.width ?? 1024)) * width);
  const base =
    width === meta.width
      ? source
      : sharp(await source.resize({ width, height }).png({ compressionLevel: 1 }).toBuffer());
  const layout = layoutDesign(design, width, height);

  const { data, info } = await base.clone().raw().toBuffer({ resolveWithObject: true });
  const pixels = { data, width: info.width, height: info.height, channels: info.channels };
  const svg = await letteringSvg(design, layout, width, height, (box) => autoColor(pixels, box, design.scrim));
  // satori turns the text into outlines, so any SVG rasteriser draws it identically: sharp's own (librsvg) saves
  // a separate pass.
  const png = await base
    .clone()
    .composite([{ input: scrimSvg(width, height, design.scrim) }, { input: Buffer.from(svg) }])
    .png({ compressionLevel: 6 })
    .toBuffer();
  return { png, layout, width, height };
}

export type { FontId };
