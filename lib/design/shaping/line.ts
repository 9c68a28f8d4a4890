import { lineLevels, visualRuns } from "./bidi";
import type { HarfBuzz } from "./engine";
import type { LoadedFace } from "./loaded-face";
import { type Direction, type Features, type ShapedGlyph, shapeRunIn } from "./shape";

// A line of text as it is drawn: the bidi algorithm's level runs in visual order, each cut where the script
// changes, shaped in its own direction, then laid end to end from the left. A Hebrew or Arabic line reads right to
// left; a Latin title or a year inside it keeps its own left-to-right order.

export interface PlacedGlyph extends ShapedGlyph {
  /** Pen position of the glyph from the line's left edge, in ems (before its own offset). */
  x: number;
  /** Its run's bidi level (odd: right to left). */
  level: number;
}

export interface LineRun {
  start: number;
  end: number;
  level: number;
  direction: Direction;
  /** ISO 15924 code the run was shaped as, when it has a strong script. */
  script?: string;
}

export interface ShapedLine {
  /** Left to right, as drawn. */
  glyphs: PlacedGlyph[];
  /** Ems. */
  width: number;
  /** The runs, in visual order (left to right). */
  runs: LineRun[];
  /** The paragraph's direction (the base direction, or the first strong character's when "auto"). */
  direction: Direction;
}

// Unicode scripts by their ISO 15924 code: a run's script picks the face's features for it. Digits, punctuation and
// spaces (Common) and combining marks (Inherited) take the script of the text around them.
const SCRIPT_CODES: [string, RegExp][] = [
  ["Latn", /\p{Script=Latin}/u],
  ["Grek", /\p{Script=Greek}/u],
  ["Cyrl", /\p{Script=Cyrillic}/u],
  ["Hebr", /\p{Script=Hebrew}/u],
  ["Arab", /\p{Script=Arabic}/u],
  ["Hani", /\p{Script=Han}/u],
  ["Hira", /\p{Script=Hiragana}/u],
  ["Kana", /\p{Script=Katakana}/u],
  ["Hang", /\p{Script=Hangul}/u],
  ["Thai", /\p{Script=Thai}/u],
  ["Deva", /\p{Script=Devanagari}/u],
];

/** A character's script code, or undefined for Common and Inherited ones (and scripts not listed). */
export const scriptCode = (c: string): string | undefined => SCRIPT_CODES.find(([, re]) => re.test(c))?.[0];

/** [start, end) cut where the strong script changes; weak characters join the piece before them (or after, at the
 * start). Japanese kana and kanji stay one piece, as HarfBuzz shapes them as one script. */
export function scriptPieces(
  text: string,
  start: number,
  end: number,
): { start: number; end: number; script?: string }[] {
  const pieces: { start: number; end: number; script?: string }[] = [];
  let at = start;
  while (at < end) {
    const cp = text.codePointAt(at) ?? 0;
    const size = cp > 0xffff ? 2 : 1;
    const code = scriptCode(String.fromCodePoint(cp));
    const script = code === "Hira" || code === "Kana" || code === "Hani" ? "Hani" : code;
    const last = pieces.at(-1);
    if (!last) pieces.push({ start: at, end: at + size, script });
    else if (!script || !last.script || last.script === script) {
      last.end = at + size;
      last.script ??= script;
    } else pieces.push({ start: at, end: at + size, script });
    at += size;
  }
  return pieces;
}

export interface LineOptions {
  features?: Features;
  language?: string;
}

export function shapeLineIn(
  hb: HarfBuzz,
  face: LoadedFace,
  text: string,
  base: Direction | "auto",
  options: LineOptions = {},
): ShapedLine {
  const { levels, paragraph } = lineLevels(text, base);
  const runs: LineRun[] = [];
  for (const run of visualRuns(levels)) {
    const direction: Direction = run.level % 2 ? "rtl" : "ltr";
    const pieces = scriptPieces(text, run.start, run.end).map((p) => ({ ...p, level: run.level, direction }));
    runs.push(...(direction === "rtl" ? pieces.reverse() : pieces));
  }
  const glyphs: PlacedGlyph[] = [];
  let x = 0;
  for (const run of runs) {
    const shaped = shapeRunIn(
      hb,
      face,
      text,
      { features: options.features, language: options.language, direction: run.direction, script: run.script },
      run.start,
      run.end,
    );
    for (const glyph of shaped.glyphs) {
      glyphs.push({ ...glyph, x, level: run.level });
      x += glyph.advance;
    }
  }
  return { glyphs, width: x, runs, direction: paragraph % 2 ? "rtl" : "ltr" };
}
