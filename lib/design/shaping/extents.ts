import type { LoadedFace } from "./loaded-face";

// Where a line's baseline sits in its line box, so shaped paths land where satori put its text: the face's
// ascender and descender (HarfBuzz's reading: OS/2's typographic metrics when the font asks for them, else hhea's),
// and CSS's half-leading model (the line box's extra height split above and below the glyphs' ascent + descent).

export interface LineExtents {
  /** Ems above the baseline. */
  ascender: number;
  /** Ems below it (positive). */
  descender: number;
  lineGap: number;
}

/** The face's line extents, from its first file (the subsets of one face share them). */
export function lineExtents(face: LoadedFace): LineExtents {
  const file = face.files[0];
  if (!file) return { ascender: 0.8, descender: 0.2, lineGap: 0 };
  const e = file.font.hExtents();
  return { ascender: e.ascender / file.upem, descender: -e.descender / file.upem, lineGap: e.lineGap / file.upem };
}

/** Px from the top of a line box `lineHeight` ems tall (CSS line-height as a number) to the baseline, at `size` px. */
export const baselineOffset = (extents: LineExtents, size: number, lineHeight: number) =>
  (lineHeight * size - (extents.ascender + extents.descender) * size) / 2 + extents.ascender * size;
