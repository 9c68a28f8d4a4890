import { bidi } from "./bidi";
import type { HarfBuzz } from "./engine";
import type { LoadedFace } from "./loaded-face";

// One run of text (one direction, one script) shaped by HarfBuzz in a bundled face: the glyphs it draws, in visual
// order (an RTL run comes out right to left reversed, i.e. leftmost glyph first), with advances and offsets in ems
// and each glyph's cluster (the UTF-16 index in the text of the character it came from). A face is several
// @fontsource subset files: the run is cut where the file that maps its characters changes, and each piece shaped
// with the whole run as context (so Arabic letters still join across the cut).

export type Direction = "ltr" | "rtl";

/** OpenType features on (true) or off (false) for the whole run: kerning, standard and contextual ligatures are on
 * unless turned off here. */
export type Features = Partial<Record<string, boolean>>;

export interface ShapeOptions {
  features?: Features;
  /** Guessed from the text (its first strong character) when absent. */
  direction?: Direction;
  /** ISO 15924 code ("Latn", "Arab", "Hebr", "Jpan"…), guessed from the text when absent. */
  script?: string;
  /** BCP 47 language ("ar", "he", "ja"): picks a face's local forms where it has them. */
  language?: string;
}

export interface ShapedGlyph {
  /** Glyph index in its file. */
  id: number;
  /** Which of the face's files (LoadedFace.files) the glyph is in. */
  file: number;
  /** UTF-16 index in the text of the first character this glyph sets. */
  cluster: number;
  /** Ems. */
  advance: number;
  xOffset: number;
  yOffset: number;
}

export interface ShapedRun {
  glyphs: ShapedGlyph[];
  /** Sum of the advances, in ems. */
  width: number;
  direction: Direction;
}

export const DEFAULT_FEATURES = { kern: true, liga: true, calt: true } as const;

// Marks, joiners and variation selectors go with the character before them, in its file.
const CLINGS = /^(?:\p{M}|\u200c|\u200d|[\ufe00-\ufe0f])$/u;

/** [start, end, file] pieces of text[start, end): a character stays in the current piece's file when that file maps
 * it, else goes to the first file that does (a character no file maps stays put: the coverage check refuses it). */
export function filePieces(face: LoadedFace, text: string, start: number, end: number): [number, number, number][] {
  const pieces: [number, number, number][] = [];
  let at = start;
  let file = -1;
  while (at < end) {
    const cp = text.codePointAt(at) ?? 0;
    const size = cp > 0xffff ? 2 : 1;
    const current = face.files[file];
    if (file < 0 || !(current?.covers.has(cp) || CLINGS.test(String.fromCodePoint(cp)))) {
      const found = face.files.findIndex((f) => f.covers.has(cp));
      const next = found >= 0 ? found : Math.max(file, 0);
      const last = pieces.at(-1);
      if (last && last[2] === next) last[1] = at + size;
      else pieces.push([at, at + size, next]);
      file = next;
    } else {
      const last = pieces.at(-1);
      if (last) last[1] = at + size;
    }
    at += size;
  }
  return pieces;
}

/** The direction the Unicode bidi algorithm gives a paragraph of `text` (its first strong character's). */
export const paragraphDirection = (text: string): Direction =>
  (bidi().getEmbeddingLevels(text, "auto").paragraphs[0]?.level ?? 0) % 2 ? "rtl" : "ltr";

/** text[start, end) shaped as one run (the rest of `text` is context only). */
export function shapeRunIn(
  hb: HarfBuzz,
  face: LoadedFace,
  text: string,
  options: ShapeOptions = {},
  start = 0,
  end = text.length,
): ShapedRun {
  const wanted = { ...DEFAULT_FEATURES, ...options.features };
  const features = Object.entries(wanted).map(([tag, on]) => new hb.Feature(tag, on ? 1 : 0));
  const direction = options.direction ?? paragraphDirection(text.slice(start, end));
  const shaped = filePieces(face, text, start, end).map(([from, to, index]) => {
    const file = face.files[index];
    if (!file) return [];
    const buffer = new hb.Buffer();
    buffer.addText(text, from, to - from);
    buffer.setDirection(direction === "rtl" ? hb.Direction.RTL : hb.Direction.LTR);
    if (options.script) buffer.setScript(options.script);
    if (options.language) buffer.setLanguage(options.language);
    buffer.guessSegmentProperties();
    hb.shape(file.font, buffer, features);
    return buffer.getGlyphInfosAndPositions().map((g) => ({
      id: g.codepoint,
      file: index,
      cluster: g.cluster,
      advance: (g.xAdvance ?? 0) / file.upem,
      xOffset: (g.xOffset ?? 0) / file.upem,
      yOffset: (g.yOffset ?? 0) / file.upem,
    }));
  });
  // Each piece comes out in visual order; in a right-to-left run the pieces themselves go right to left.
  const glyphs = (direction === "rtl" ? shaped.reverse() : shaped).flat();
  return { glyphs, width: glyphs.reduce((w, g) => w + g.advance, 0), direction };
}
