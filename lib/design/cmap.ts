import { inflateSync } from "node:zlib";

// Which characters a font file can set: read from its `cmap` table (the character → glyph map), the same table the
// renderer (satori, via opentype) uses. A character the font doesn't map is drawn as an empty box, so the editor says
// so instead. Reads WOFF (the format the renderer loads) and plain TrueType/OpenType.

/** The font's tables by tag, decompressed. */
export function tables(file: Buffer): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const woff = file.toString("latin1", 0, 4) === "wOFF";
  const count = file.readUInt16BE(woff ? 12 : 4);
  for (let i = 0; i < count; i++) {
    if (woff) {
      const entry = 44 + i * 20;
      const offset = file.readUInt32BE(entry + 4);
      const compressed = file.readUInt32BE(entry + 8);
      const length = file.readUInt32BE(entry + 12);
      const data = file.subarray(offset, offset + compressed);
      found.set(file.toString("latin1", entry, entry + 4), compressed < length ? inflateSync(data) : data);
    } else {
      const entry = 12 + i * 16;
      const offset = file.readUInt32BE(entry + 8);
      found.set(
        file.toString("latin1", entry, entry + 4),
        file.subarray(offset, offset + file.readUInt32BE(entry + 12)),
      );
    }
  }
  return found;
}

/** Format 4 (the Basic Multilingual Plane, in segments). */
function format4(cmap: Buffer, at: number, covered: Map<number, number>) {
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = cmap.readUInt16BE(ends + s * 2);
    const start = cmap.readUInt16BE(starts + s * 2);
    const delta = cmap.readInt16BE(deltas + s * 2);
    const rangeAt = rangeOffsets + s * 2;
    const rangeOffset = cmap.readUInt16BE(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const index = rangeAt + rangeOffset + (c - start) * 2;
        glyph = index + 1 < cmap.length ? cmap.readUInt16BE(index) : 0;
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) covered.set(c, glyph);
    }
  }
}

/** Format 12 (all of Unicode, in groups). */
function format12(cmap: Buffer, at: number, covered: Map<number, number>) {
  const groups = cmap.readUInt32BE(at + 12);
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + g * 12;
    const start = cmap.readUInt32BE(group);
    const end = cmap.readUInt32BE(group + 4);
    const firstGlyph = cmap.readUInt32BE(group + 8);
    for (let c = start; c <= end; c++) if (firstGlyph + (c - start) !== 0) covered.set(c, firstGlyph + (c - start));
  }
}

/** Every code point the font maps to a real glyph. */
export function coveredCodePoints(file: Buffer): Set<number> {
  return new Set(glyphIds(tables(file)).keys());
}

/** Code point → glyph index, from the font's Unicode cmap subtables. */
export function glyphIds(fontTables: Map<string, Buffer>): Map<number, number> {
  const cmap = fontTables.get("cmap");
  if (!cmap) throw new Error("font has no cmap table");
  const covered = new Map<number, number>();
  const count = cmap.readUInt16BE(2);
  for (let i = 0; i < count; i++) {
    const record = 4 + i * 8;
    const platform = cmap.readUInt16BE(record);
    const encoding = cmap.readUInt16BE(record + 2);
    // Unicode subtables only: platform 0 (Unicode), or Windows with encoding 1 (BMP) or 10 (full).
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const at = cmap.readUInt32BE(record + 4);
    const format = cmap.readUInt16BE(at);
    if (format === 4) format4(cmap, at, covered);
    else if (format === 12) format12(cmap, at, covered);
  }
  return covered;
}
