import "server-only";
import { type CSSProperties, createElement, type ReactElement, type ReactNode } from "react";
import satori from "satori";
import sharp from "sharp";
import { AppError } from "../errors";
import { CALM_COLUMNS, CALM_ROWS, detailProfile } from "./calm";
import { contrastRatio, parseHex, relativeLuminance, typicalLuminance } from "./contrast";
import { fontCoverage, loadFonts } from "./font-files";
import { postScriptName } from "./font-name";
import { type FontId, fontFamily } from "./fonts";
import { unsettableText } from "./glyphs";
import { type Layer, type Layout, layoutDesign, type TextBox } from "./layout";
import { bundledMeasure } from "./metrics";
import type { Design } from "./schema";

// Renders a design over the key art: the same code makes the editor's preview (at screen size) and the saved
// poster (at full size), so what the user sees is what they get. Text is laid out by layout.ts, set by satori with
// the bundled fonts (as outlines), and rasterised and composited over the art and a legibility scrim by sharp. The
// layered PSD takes the same layout apart: each layer rendered alone (layerPng), stacked by the reader.

/** Per field of the design, the characters its font would draw as empty boxes (empty when all can be set). */
export async function unsettableFields(design: Design) {
  const covered = await fontCoverage();
  return unsettableText(design, (font) => covered.get(font) ?? new Set());
}

let names: Promise<Map<string, string>> | undefined;

/** Each bundled font's PostScript name, read from the very files satori is given (a layered file's text names its
 * face so); the font's id when its file has none. */
export function fontPostScriptNames(): Promise<Map<string, string>> {
  names ??= loadFonts().then((loaded) => new Map(loaded.map((f) => [f.name, postScriptName(f.data) ?? f.name])));
  return names;
}

/** invalid_input naming, per field, the characters its font would draw as empty boxes. */
async function assertSettable(design: Design): Promise<void> {
  const fields = await unsettableFields(design);
  if (Object.keys(fields).length > 0) throw new AppError("invalid_input", { fields });
}

export interface Pixels {
  data: Buffer;
  width: number;
  height: number;
  /** sharp's raw channel counts (1–4). */
  channels: 1 | 2 | 3 | 4;
}

/** The automatic colours: a warm white and a near black. */
export const AUTO_COLORS = { light: "#f7f3ea", dark: "#111111" } as const;

/** How dark the scrim makes the art at a height (0 top, 1 foot): `scrimSvg`'s two gradients, at strength 1. */
export function scrimOpacity(at: number): number {
  const top = at < 0.28 ? 1 - at / 0.28 : 0;
  const bottom = at > 0.45 ? (at - 0.45) / 0.55 : 0;
  return Math.min(1, top + bottom);
}

/** Light or dark text for a region of the art, after the scrim darkens it: whichever has the higher WCAG contrast
 * (lib/design/contrast.ts) against the region's median relative luminance, each pixel darkened as the scrim darkens
 * it at its height. (An average of gamma-encoded values with the scrim taken as even, as this once was, called a pale
 * sky in the scrim's clear band "dark" and set white on it.) Sampled from the decoded pixels (decoding once per
 * render; sharp's per-region stats decode the whole image each time). */
export function autoColor(pixels: Pixels, box: TextBox, scrim: number): string {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(pixels.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(pixels.height, Math.ceil(box.y + box.height));
  const grey = pixels.channels < 3;
  const values: number[] = [];
  for (let y = y0; y < y1; y += 3) {
    const keep = 1 - scrim * scrimOpacity(y / pixels.height);
    for (let x = x0; x < x1; x += 3) {
      const i = (y * pixels.width + x) * pixels.channels;
      const r = pixels.data[i] ?? 0;
      const [g, b] = grey ? [r, r] : [pixels.data[i + 1] ?? 0, pixels.data[i + 2] ?? 0];
      values.push(relativeLuminance([Math.round(r * keep), Math.round(g * keep), Math.round(b * keep)]));
    }
  }
  const behind = typicalLuminance(values).median;
  const contrastOf = (hex: string) => contrastRatio(relativeLuminance(parseHex(hex) ?? [0, 0, 0]), behind);
  return contrastOf(AUTO_COLORS.dark) > contrastOf(AUTO_COLORS.light) ? AUTO_COLORS.dark : AUTO_COLORS.light;
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

export interface Composed {
  png: Buffer;
  layout: Layout;
  width: number;
  height: number;
}

// Satori lays out React elements (what JSX makes), made here with createElement; children are passed as arguments,
// not as an array, so React asks for no keys.
const div = (style: CSSProperties, children: ReactNode[] | string): ReactElement =>
  typeof children === "string"
    ? createElement("div", { style }, children)
    : createElement("div", { style }, ...children);

/** The layout's rows as satori elements: justified rows spread to the block's measure, the others centred. */
function rowElements(box: TextBox) {
  return box.rows.map((row) => {
    const tracking = row.letterSpacing * row.size;
    const style = {
      display: "flex",
      fontSize: row.size,
      justifyContent: row.justify ? "space-between" : "center",
      width: row.justify ? box.measure : undefined,
      letterSpacing: tracking,
    };
    return div(
      style,
      row.items.map((item, i) =>
        div(
          {
            display: "flex",
            marginLeft: i > 0 && !row.justify ? row.gap : 0,
            // CSS tracks after the last letter too: pull it back so the ink ends on the measure.
            marginRight: i === row.items.length - 1 ? -tracking : 0,
          },
          item,
        ),
      ),
    );
  });
}

/** Detail per row of the art, for a title placed in its calmest band. */
export async function artDetail(art: ReturnType<typeof sharp>): Promise<number[]> {
  const grey = await art
    .clone()
    .greyscale()
    .resize(CALM_COLUMNS, CALM_ROWS, { fit: "fill" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return detailProfile(new Uint8Array(grey.data.buffer, grey.data.byteOffset, CALM_COLUMNS * CALM_ROWS));
}

/** A text box's colour: the design's own for its layer, else `autoColorOf`'s light or dark for the art under it. */
const boxColor = (design: Design, box: TextBox, autoColorOf: (box: TextBox) => string): string =>
  (box.layer === "title" ? design.titleColor : design.textColor) ?? autoColorOf(box);

/** The design's text set by satori as an SVG of outlines (paths) on a `width`×`height` canvas: the screen render
 * rasterises it, the print master (lib/print) draws the same paths as vectors. `autoColor` picks a colour for a box
 * the design leaves on automatic. A logo box is drawn by the caller (an image, not type). */
export async function letteringSvg(
  design: Design,
  layout: Layout,
  width: number,
  height: number,
  autoColorOf: (box: TextBox) => string,
): Promise<string> {
  await assertSettable(design);
  const colored = layout.boxes
    .filter((box) => !box.logo)
    .map((box) => ({ box, color: boxColor(design, box, autoColorOf) }));
  return satori(
    div(
      { display: "flex", width, height, position: "relative" },
      colored.map(({ box, color }) =>
        div(
          {
            position: "absolute",
            left: box.x,
            top: box.y,
            width: box.width,
            height: box.height,
            display: "flex",
            flexDirection: "column",
            alignItems: "center",
            // The face's own subsets, in order: the glyph check (assertSettable) has made sure one of them has
            // every character, so satori never falls back to another loaded face.
            fontFamily: fontFamily(box.font),
            fontSize: box.fontSize,
            lineHeight: box.lineHeight,
            color,
          },
          rowElements(box),
        ),
      ),
    ),
    { width, height, fonts: await loadFonts() },
  );
}

/** A design laid out over its art at one size: what composePoster flattens into one picture, and what the layered PSD
 * (lib/print/psd.ts) keeps apart, so both place and colour every box the same way. */
export interface Composition {
  /** The art at `width`×`height`. */
  base: ReturnType<typeof sharp>;
  width: number;
  height: number;
  layout: Layout;
  /** Each text box's colour: the design's, or light or dark for the art under it, after the scrim. */
  colorOf: (box: TextBox) => string;
}

/** Lays `design` out over `art` (at `width`, a smaller preview of exactly the same layout); `logo` is the design's
 * title treatment, whose shape the layout needs. */
export async function prepareComposition(
  art: Buffer,
  design: Design,
  options: { width?: number; logo?: Buffer } = {},
): Promise<Composition> {
  await assertSettable(design);
  const source = sharp(art);
  const meta = await source.metadata();
  const width = Math.round(Math.min(options.width ?? meta.width ?? 1024, meta.width ?? 1024));
  const height = Math.round(((meta.height ?? 1024) / (meta.width ?? 1024)) * width);
  const base =
    width === meta.width
      ? source
      : sharp(await source.resize({ width, height }).png({ compressionLevel: 1 }).toBuffer());
  const logoMeta = design.logo && options.logo ? await sharp(options.logo).metadata() : undefined;
  const layout = layoutDesign(design, width, height, {
    measure: bundledMeasure(),
    detail: design.titleY === "auto" ? await artDetail(base) : undefined,
    logo: logoMeta?.width && logoMeta.height ? { width: logoMeta.width, height: logoMeta.height } : undefined,
  });
  const { data, info } = await base.clone().raw().toBuffer({ resolveWithObject: true });
  const pixels = { data, width: info.width, height: info.height, channels: info.channels };
  const colorOf = (box: TextBox) => boxColor(design, box, (b) => autoColor(pixels, b, design.scrim));
  return { base, width, height, layout, colorOf };
}

/** The title logo (a PNG with transparency) fitted inside its box, ready for sharp's composite; none without one. */
export async function logoOverlay(layout: Layout, logo: Buffer | undefined) {
  const logoBox = layout.boxes.find((box) => box.logo);
  if (!logoBox || !logo) return undefined;
  return {
    input: await sharp(logo)
      .resize({ width: Math.round(logoBox.width), height: Math.round(logoBox.height), fit: "inside" })
      .png()
      .toBuffer(),
    left: Math.round(logoBox.x),
    top: Math.round(logoBox.y),
  };
}

/** Composes a design over `art`; `width` renders a smaller preview of exactly the same layout; `logo` is the
 * design's title treatment (a PNG with transparency), drawn in the title's place. */
export async function composePoster(
  art: Buffer,
  design: Design,
  options: { width?: number; logo?: Buffer } = {},
): Promise<Composed> {
  const composition = await prepareComposition(art, design, options);
  const png = await flatten(design, composition, options.logo);
  return { png, layout: composition.layout, width: composition.width, height: composition.height };
}

/** The composition flattened: art, scrim, logo, lettering. */
async function flatten(design: Design, composition: Composition, logo: Buffer | undefined, compressionLevel = 6) {
  const { base, width, height, layout, colorOf } = composition;
  const svg = await letteringSvg(design, layout, width, height, colorOf);
  const logoLayer = await logoOverlay(layout, logo);
  // satori turns the text into outlines, so any SVG rasteriser draws it identically: sharp's own (librsvg) saves
  // a separate pass.
  return base
    .clone()
    .composite([
      { input: scrimSvg(width, height, design.scrim) },
      ...(logoLayer ? [logoLayer] : []),
      { input: Buffer.from(svg) },
    ])
    .png({ compressionLevel })
    .toBuffer();
}

/** What the editor's canvas stacks: the composed preview, and the same picture taken apart — the art under its
 * scrim, and each text layer alone (transparent, the canvas's size) with its box and colour — so a layer can be
 * dragged by moving its own picture in the browser, no render per frame. */
export interface CanvasLayers {
  composed: Buffer;
  /** The art with the scrim over it: what every layer sits on (the editor reads contrast from it). */
  ground: Buffer;
  layers: { box: TextBox; color: string; png: Buffer }[];
  layout: Layout;
  width: number;
  height: number;
}

export async function composeCanvas(
  art: Buffer,
  design: Design,
  options: { width?: number; logo?: Buffer } = {},
): Promise<CanvasLayers> {
  const composition = await prepareComposition(art, design, options);
  const { base, width, height, layout } = composition;
  const [composed, ground, layers] = await Promise.all([
    flatten(design, composition, options.logo, 1),
    base
      .clone()
      .composite([{ input: scrimSvg(width, height, design.scrim) }])
      .png({ compressionLevel: 1 })
      .toBuffer(),
    Promise.all(
      layout.boxes.map(async (box) => ({
        box,
        color: composition.colorOf(box),
        png: await layerPng(design, composition, box.layer, options.logo),
      })),
    ),
  ]);
  return { composed, ground, layers, layout, width, height };
}

/** One layer of the design alone, as a transparent RGBA PNG of the composition's size: a text layer's boxes set by
 * the same satori outlines as the poster (or, for a logo title, the logo where it goes); the scrim is `scrimSvg`. */
export async function layerPng(
  design: Design,
  composition: Composition,
  layer: Layer,
  logo: Buffer | undefined,
): Promise<Buffer> {
  const { width, height, layout } = composition;
  const boxes = layout.boxes.filter((box) => box.layer === layer);
  const logoLayer = await logoOverlay({ ...layout, boxes }, logo);
  const overlays = [
    ...(logoLayer ? [logoLayer] : []),
    ...(boxes.some((box) => !box.logo)
      ? [{ input: Buffer.from(await letteringSvg(design, { ...layout, boxes }, width, height, composition.colorOf)) }]
      : []),
  ];
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite(overlays)
    .png({ compressionLevel: 1 })
    .toBuffer();
}

export type { FontId };
