import type { FontId } from "./fonts";
import type { Measure } from "./metrics";

// The typesetter's rules the layout applies to what the user typed: typographer's quotes, credits separated by two
// or more spaces, and lines broken by hand or balanced (lines of near-equal width rather than a long line and a
// widow).

/** Straight quotes as typographer's quotes: "…" → “…”, 'tis → ’tis, don't → don’t, '90s → ’90s, 'word' → ‘word’. */
export function smartQuotes(text: string): string {
  return text
    .replace(/(^|[\s([{\u2014\u2013-])"/gu, "$1\u201C")
    .replace(/"/g, "\u201D")
    .replace(/(^|[\s([{\u2014\u2013-])'(?=\d\ds?\b|(?:tis|twas|til|em|n)\b)/giu, "$1\u2019")
    .replace(/(^|[\s([{\u2014\u2013-])'/gu, "$1\u2018")
    .replace(/'/g, "\u2019");
}

/** One line of a billing block as its credits: two or more spaces separate them; single spaces stay inside. */
export const creditsOf = (line: string): string[] =>
  line
    .split(/ {2,}|\t+/)
    .map((c) => c.trim().replace(/\s+/g, " "))
    .filter(Boolean);

/** Text as paragraphs (a newline the user typed is a break), each with its runs of spaces made one. */
export const paragraphsOf = (text: string): string[] =>
  text
    .split("\n")
    .map((p) => p.trim().replace(/\s+/g, " "))
    .filter(Boolean);

export interface Setting {
  font: FontId;
  size: number;
  /** Ems. */
  spacing: number;
  measure: Measure;
}

const width = (s: Setting, text: string) => s.measure(text, s.font, s.size, s.spacing);

/** Words into lines no wider than `maxWidth`, filling each line in turn (how many lines it takes). */
function greedy(words: string[], s: Setting, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && width(s, candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Words into exactly `count` lines whose widest is as narrow as it can be (ties: the most even). */
function balanced(words: string[], count: number, s: Setting): string[] {
  const n = words.length;
  if (count <= 1 || n <= 1) return [words.join(" ")];
  const lineWidth = (i: number, j: number) => width(s, words.slice(i, j).join(" "));
  // best[k][i]: the best way to set words i… in k lines, as [widest, sum of squares, breaks].
  type Best = { widest: number; squares: number; breaks: number[] };
  const memo = new Map<string, Best | null>();
  const solve = (k: number, i: number): Best | null => {
    const key = `${k}:${i}`;
    if (memo.has(key)) return memo.get(key) ?? null;
    let best: Best | null = null;
    if (k === 1) {
      const w = lineWidth(i, n);
      best = { widest: w, squares: w * w, breaks: [] };
    } else {
      for (let j = i + 1; j <= n - (k - 1); j++) {
        const rest = solve(k - 1, j);
        if (!rest) continue;
        const w = lineWidth(i, j);
        const candidate = {
          widest: Math.max(w, rest.widest),
          squares: w * w + rest.squares,
          breaks: [j, ...rest.breaks],
        };
        if (
          !best ||
          candidate.widest < best.widest - 0.5 ||
          (Math.abs(candidate.widest - best.widest) <= 0.5 && candidate.squares < best.squares)
        )
          best = candidate;
      }
    }
    memo.set(key, best);
    return best;
  };
  const result = solve(Math.min(count, n), 0);
  const cuts = [0, ...(result?.breaks ?? []), n];
  return cuts.slice(1).map((end, i) => words.slice(cuts[i], end).join(" "));
}

/** Each paragraph in as few lines as fit `maxWidth`, those lines balanced. */
export function wrapBalanced(paragraphs: string[], s: Setting, maxWidth: number): string[] {
  return paragraphs.flatMap((p) => {
    const words = p.split(" ");
    return balanced(words, greedy(words, s, maxWidth).length, s);
  });
}

/** The largest size up to `s.size` at which the paragraphs fit `maxLines` balanced lines of `maxWidth`. */
export function fitBalanced(paragraphs: string[], s: Setting, maxWidth: number, maxLines: number, floor = 0) {
  let size = s.size;
  for (let i = 0; i < 60 && size > floor; i++) {
    const at = { ...s, size };
    const lines = wrapBalanced(paragraphs, at, maxWidth);
    if (lines.length <= maxLines && Math.max(...lines.map((l) => width(at, l))) <= maxWidth) return { size, lines };
    size *= 0.95;
  }
  size = Math.max(size, floor);
  return { size, lines: wrapBalanced(paragraphs, { ...s, size }, maxWidth) };
}
