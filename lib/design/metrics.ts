import { readFileSync } from "node:fs";
import path from "node:path";
import { glyphIds, tables } from "./cmap";
import { FONT_IDS, FONTS, type FontId, fontFiles } from "./fonts";

// How wide a run of text is in a bundled face, from the font file's own advance widths (hmtx), so the layout can
// justify a billing block to one measure and balance a title's lines before satori sets them. Kerning is left out:
// it only ever tightens these display faces, so a measured line never comes out narrower than it is drawn.

export interface FontMetrics {
  /** Advance of each code point, in ems. */
  advances: Map<number, number>;
  /** The advance of a character the font doesn't map (it is refused before rendering anyway). */
  fallback: number;
  /** OpenType layout features the face offers (GSUB, any of its files), e.g. `smcp` for true small capitals. */
  features: Set<string>;
}

/** Width in px of `text` at `size` px with `letterSpacing` ems added after every character (as CSS does). */
export type Measure = (text: string, font: FontId, size: number, letterSpacing?: number) => number;

function featureTags(table: Buffer | undefined): Set<string> {
  const found = new Set<string>();
  if (!table) return found;
  const list = table.readUInt16BE(6);
  const count = table.readUInt16BE(list);
  for (let i = 0; i < count; i++) found.add(table.toString("latin1", list + 2 + i * 6, list + 6 + i * 6));
  return found;
}

export function readMetrics(file: Buffer): FontMetrics {
  const t = tables(file);
  const head = t.get("head");
  const hhea = t.get("hhea");
  const hmtx = t.get("hmtx");
  if (!head || !hhea || !hmtx) throw new Error("font has no head, hhea or hmtx table");
  const unitsPerEm = head.readUInt16BE(18);
  const longMetrics = hhea.readUInt16BE(34);
  const advanceOf = (glyph: number) => hmtx.readUInt16BE(Math.min(glyph, longMetrics - 1) * 4) / unitsPerEm;
  const advances = new Map<number, number>();
  for (const [codePoint, glyph] of glyphIds(t)) advances.set(codePoint, advanceOf(glyph));
  return { advances, fallback: advanceOf(0), features: featureTags(t.get("GSUB")) };
}

export function measurer(metrics: ReadonlyMap<FontId, FontMetrics>): Measure {
  return (text, font, size, letterSpacing = 0) => {
    const m = metrics.get(font);
    let ems = 0;
    let count = 0;
    for (const c of text) {
      ems += m ? (m.advances.get(c.codePointAt(0) ?? 0) ?? m.fallback) : FONTS[font].width;
      count++;
    }
    return (ems + count * letterSpacing) * size;
  };
}

/** One face's metrics from its subsets' files, in fontFiles order: a code point's advance is the first file's that
 * maps it, as satori draws it from the first name in the face's fontFamily that has it. */
export function mergeMetrics(files: readonly FontMetrics[]): FontMetrics {
  const advances = new Map<number, number>();
  const features = new Set<string>();
  for (const file of files) {
    for (const [codePoint, advance] of file.advances) if (!advances.has(codePoint)) advances.set(codePoint, advance);
    for (const feature of file.features) features.add(feature);
  }
  return { advances, fallback: files[0]?.fallback ?? 0, features };
}

let bundled: Map<FontId, FontMetrics> | undefined;

/** The metrics of the very files the renderer loads (read once). */
export function bundledMetrics(): Map<FontId, FontMetrics> {
  bundled ??= new Map(
    FONT_IDS.map((id) => [
      id,
      mergeMetrics(
        fontFiles(id).map(({ file }) =>
          readMetrics(readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), file))),
        ),
      ),
    ]),
  );
  return bundled;
}

export const bundledMeasure = (): Measure => measurer(bundledMetrics());
