import "server-only";
import { type LayerTextData, type Layer as PsdLayer, writePsdBuffer } from "ag-psd";
import sharp from "sharp";
import type { Layer, TextBox } from "../design/layout";
import { fontPostScriptNames, layerPng, prepareComposition, scrimSvg } from "../design/render";
import { type Design, TEXT_FIELDS } from "../design/schema";

// The layered file of a designed poster (a PSD, written by ag-psd): at the poster's own pixels, the art, the scrim and
// each text layer apart and named, so a designer can move, recolour or retype one without the others. A text layer
// carries its text (font, size, colour: a PSD reader shows it as editable type) and our own renderer's pixels of
// just that layer, so it looks as the poster does even where the reader lacks the font; the title logo is its image.
// The composite (what a reader shows before it draws the layers, and what thumbnails are made from) is the layers
// stacked by sharp: the poster as the studio composes it.

export interface LayeredFile {
  bytes: Buffer;
  width: number;
  height: number;
  /** The layers' names, bottom first (as a PSD stores them). */
  layers: string[];
  /** The layout's notes (text the template hides, a title made smaller), as the editor shows them. */
  warnings: string[];
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** A text layer's name is what the editor calls its field: "Title", "Billing block", "Above-the-title credits". */
const layerName = (layer: Layer) => capitalised(TEXT_FIELDS[layer]);

const rgbOf = (hex: string) => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`unexpected lettering colour ${hex}`);
  return {
    r: Number.parseInt(m[1] ?? "0", 16),
    g: Number.parseInt(m[2] ?? "0", 16),
    b: Number.parseInt(m[3] ?? "0", 16),
  };
};

/**
 * A text box as ag-psd's text layer data: its lines as set (capitals and curled quotes as on the poster), each line
 * its own run (the billing block's rows differ in size), centred, in the face's PostScript name. Point text, so a
 * reader whose font is wider never hides a line the way an overflowing text box would. The baseline is placed from
 * the layout's line boxes: close, not exact (the raster is what is exact until a reader redraws the type).
 */
function layerText(box: TextBox, color: string, fontName: string): LayerTextData {
  const fillColor = rgbOf(color);
  const first = box.rows[0];
  const firstSize = first?.size ?? box.fontSize;
  return {
    text: box.lines.join("\n"),
    transform: [1, 0, 0, 1, box.x + box.width / 2, box.y + firstSize * (box.lineHeight / 2 + 0.35)],
    antiAlias: "smooth",
    style: { font: { name: fontName }, fontSize: box.fontSize, fillColor, autoLeading: false },
    styleRuns: box.lines.map((line, i) => {
      const row = box.rows[i];
      const size = row?.size ?? box.fontSize;
      return {
        // Each line's characters, and the line break after it but the last.
        length: line.length + (i < box.lines.length - 1 ? 1 : 0),
        style: {
          font: { name: fontName },
          fontSize: size,
          leading: size * box.lineHeight,
          // Photoshop's tracking is in thousandths of an em; the layout's is in ems.
          tracking: Math.round((row?.letterSpacing ?? 0) * 1000),
          fillColor,
        },
      };
    }),
    paragraphStyle: { justification: "center" },
  };
}

interface Raster {
  left: number;
  top: number;
  imageData: { width: number; height: number; data: Uint8Array };
}

/** A transparent PNG cut to its ink (a layer's bounds in a PSD are what it draws), as ag-psd's RGBA pixels. */
async function inked(png: Buffer): Promise<Raster | undefined> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  let [left, top, right, bottom] = [info.width, info.height, -1, -1];
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if ((data[(y * info.width + x) * 4 + 3] ?? 0) === 0) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (right < 0) return undefined;
  const width = right - left + 1;
  const height = bottom - top + 1;
  const cut = await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } })
    .extract({ left, top, width, height })
    .raw()
    .toBuffer();
  return { left, top, imageData: { width, height, data: cut } };
}

/** The layered PSD of `design` over `art`, at the art's own size; `logo` is the design's title treatment. */
export async function composePsd(art: Buffer, design: Design, options: { logo?: Buffer } = {}): Promise<LayeredFile> {
  const composition = await prepareComposition(art, design, { logo: options.logo });
  const { width, height, layout } = composition;
  const fontNames = await fontPostScriptNames();
  const full = (data: Uint8Array) => ({ width, height, data });
  const artPixels = await composition.base.clone().ensureAlpha(1).raw().toBuffer();

  // Bottom first: the art, the scrim (none when the design has none), then the text in the layout's order, which
  // puts the title on top.
  const pictures: { name: string; png: Buffer; text?: LayerTextData }[] = [];
  if (design.scrim > 0) {
    pictures.push({
      name: "Scrim",
      png: await sharp(scrimSvg(width, height, design.scrim))
        .png()
        .toBuffer(),
    });
  }
  for (const box of layout.boxes) {
    pictures.push({
      name: layerName(box.layer),
      png: await layerPng(design, composition, box.layer, options.logo),
      ...(box.logo ? {} : { text: layerText(box, composition.colorOf(box), fontNames.get(box.font) ?? box.font) }),
    });
  }

  const children: PsdLayer[] = [{ name: "Art", imageData: full(artPixels) }];
  for (const picture of pictures) {
    const raster = await inked(picture.png);
    if (!raster) continue;
    children.push({ name: picture.name, ...raster, ...(picture.text ? { text: picture.text } : {}) });
  }
  const composite = await composition.base
    .clone()
    .ensureAlpha(1)
    .composite(pictures.map((p) => ({ input: p.png })))
    .raw()
    .toBuffer();
  // The art is opaque: without noBackground a reader would take it for a locked, unnamed "Background".
  const bytes = writePsdBuffer({ width, height, children, imageData: full(composite) }, { noBackground: true });
  return {
    bytes,
    width,
    height,
    layers: children.map((c) => c.name ?? ""),
    warnings: layout.warnings,
  };
}
