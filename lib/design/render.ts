import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import sharp, { type Sharp } from "sharp";
import { FONT_IDS, type FontId, fontFile } from "./fonts";
import { type Layout, layoutDesign, type TextBox } from "./layout";
import type { Design } from "./schema";

// Renders a design over the key art: the same code makes the editor's preview (at screen size) and the saved
// poster (at full size), so what the user sees is what they get. Text is laid out by layout.ts, set by satori with
// the bundled fonts, rasterised by resvg, and composited over the art and a legibility scrim by sharp.

let fonts: Promise<{ name: string; data: Buffer; weight: 400; style: "normal" }[]> | undefined;

function loadFonts() {
  fonts ??= Promise.all(
    FONT_IDS.map(async (id) => ({
      name: id,
      data: await readFile(path.join(process.cwd(), fontFile(id))),
      weight: 400 as const,
      style: "normal" as const,
    })),
  );
  return fonts;
}

/** Light or dark text for a region of the art, after the scrim darkens it: whichever contrasts more. */
async function autoColor(art: Sharp, box: TextBox, width: number, height: number, scrim: number) {
  const region = {
    left: Math.max(0, Math.floor(box.x)),
    top: Math.max(0, Math.floor(box.y)),
    width: Math.max(1, Math.min(width - Math.floor(box.x), Math.ceil(box.width))),
    height: Math.max(1, Math.min(height - Math.floor(box.y), Math.ceil(box.height))),
  };
  const { channels } = await art.clone().extract(region).stats();
  const [r, g, b] = channels.map((c: { mean: number }) => c.mean / 255) as [number, number, number];
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) * (1 - scrim * 0.8);
  return luminance > 0.5 ? "#111111" : "#f7f3ea";
}

function scrimSvg(width: number, height: number, strength: number): Buffer {
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

/** Composes a design over `art`; `width` renders a smaller preview of exactly the same layout. */
export async function composePoster(art: Buffer, design: Design, options: { width?: number } = {}): Promise<Composed> {
  const source = sharp(art);
  const meta = await source.metadata();
  const width = Math.round(Math.min(options.width ?? meta.width ?? 1024, meta.width ?? 1024));
  const height = Math.round(((meta.height ?? 1024) / (meta.width ?? 1024)) * width);
  const base = width === meta.width ? source : sharp(await source.resize({ width, height }).toBuffer());
  const layout = layoutDesign(design, width, height);

  const colored = await Promise.all(
    layout.boxes.map(async (box) => {
      const chosen = box.layer === "title" ? design.titleColor : design.textColor;
      return { box, color: chosen ?? (await autoColor(base, box, width, height, design.scrim)) };
    }),
  );
  const svg = await satori(
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
  const text = new Resvg(svg, { fitTo: { mode: "width", value: width } }).render().asPng();
  const png = await base
    .clone()
    .composite([{ input: scrimSvg(width, height, design.scrim) }, { input: text }])
    .png({ compressionLevel: 6 })
    .toBuffer();
  return { png, layout, width, height };
}

export type { FontId };
