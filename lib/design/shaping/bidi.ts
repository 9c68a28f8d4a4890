import bidiFactory, { type Bidi } from "bidi-js";

// The Unicode bidirectional algorithm (UAX #9, bidi-js): the embedding level of every character of a line, and the
// line's level runs put in visual order (rules L1 and L2), each to be shaped in its own direction.

let instance: Bidi | undefined;
export const bidi = (): Bidi => {
  instance ??= bidiFactory();
  return instance;
};

export interface LevelRun {
  /** UTF-16 indices in the line: [start, end). */
  start: number;
  end: number;
  /** Odd: right to left. */
  level: number;
}

/** Whitespace that rule L1 returns to the paragraph's level at the end of a line (and before a tab). */
const L1_WHITESPACE = new Set(["WS", "S", "B", "LRI", "RLI", "FSI", "PDI", "BN"]);

/** Each character's resolved level in a one-line paragraph of `base` direction, trailing whitespace at the
 * paragraph's level (L1). */
export function lineLevels(text: string, base: "ltr" | "rtl" | "auto"): { levels: number[]; paragraph: number } {
  const resolved = bidi().getEmbeddingLevels(text, base);
  const paragraph = resolved.paragraphs[0]?.level ?? (base === "rtl" ? 1 : 0);
  const levels = Array.from(resolved.levels);
  for (let i = text.length - 1; i >= 0; i--) {
    const type = bidi().getBidiCharTypeName(text.charAt(i));
    if (!L1_WHITESPACE.has(type)) break;
    levels[i] = paragraph;
  }
  return { levels, paragraph };
}

/** The runs of equal level, in visual order (L2: from the highest level down to the lowest odd one, every maximal
 * sequence of runs at that level or higher is reversed). Pure, on levels alone. */
export function visualRuns(levels: readonly number[]): LevelRun[] {
  const runs: LevelRun[] = [];
  levels.forEach((level, i) => {
    const last = runs.at(-1);
    if (last && last.level === level) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, level });
  });
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    let i = 0;
    while (i < runs.length) {
      if ((runs[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && (runs[j]?.level ?? 0) >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs;
}
