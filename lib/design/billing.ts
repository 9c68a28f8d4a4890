import type { FontId } from "./fonts";
import type { Measure } from "./metrics";
import { creditsOf } from "./typeset";

// A billing block the way one-sheets set it: a tall condensed face, every line justified to one measure (the
// longest line's), the extra space going between the credits the user separated with two or more spaces (then
// between words, then letters), with a little extra tracking so short lines don't open up into holes.

export interface Row {
  /** The pieces the row's space goes between: credits, else words, else letters. */
  items: string[];
  /** Type size in px (a short billing row is set larger to fill the measure, as billing blocks do). */
  size: number;
  /** Ems after every character. */
  letterSpacing: number;
  /** Spread to the box's measure (justified), or centred with `gap` px between items. */
  justify: boolean;
  gap: number;
}

/** Least space between two credits on a line, in ems (a wide gap, as the user's double space asks for). */
const CREDIT_GAP = 0.9;
/** Least space between words of a credit, in ems. */
const WORD_GAP = 0.26;
/** Tracking every credit line gets, and the most justification may add to it, in ems. */
export const BILLING_TRACKING = 0.03;
const MAX_EXTRA_TRACKING = 0.07;
const MAX_ONE_CREDIT_TRACKING = 0.3;
/** How much larger than the block's size a short row may be set to fill the measure. */
const MAX_ROW_SCALE = 1.45;

const piecesOf = (credits: string[]) => {
  if (credits.length > 1) return { items: credits, gap: CREDIT_GAP };
  const words = (credits[0] ?? "").split(" ");
  return words.length > 1 ? { items: words, gap: WORD_GAP } : { items: [...(words[0] ?? "")], gap: 0 };
};

export interface BillingSetting {
  font: FontId;
  measure: Measure;
}

/** Width of a row of credits at its least spacing. */
function natural(credits: string[], size: number, s: BillingSetting, tracking = BILLING_TRACKING) {
  const { items, gap } = piecesOf(credits);
  return items.reduce((w, item) => w + s.measure(item, s.font, size, tracking), 0) + (items.length - 1) * gap * size;
}

/** Credits into rows no wider than `maxWidth`: whole credits first, words of a credit only when it alone is wider. */
function rowsWithin(lines: string[][], size: number, s: BillingSetting, maxWidth: number): string[][] {
  const rows: string[][] = [];
  for (const credits of lines) {
    let row: string[] = [];
    for (const credit of credits) {
      if (natural([credit], size, s) > maxWidth) {
        if (row.length) rows.push(row);
        row = [];
        let words = "";
        for (const word of credit.split(" ")) {
          const candidate = words ? `${words} ${word}` : word;
          if (words && natural([candidate], size, s) > maxWidth) {
            rows.push([words]);
            words = word;
          } else words = candidate;
        }
        if (words) row = [words];
        continue;
      }
      if (row.length && natural([...row, credit], size, s) > maxWidth) {
        rows.push(row);
        row = [credit];
      } else row.push(credit);
    }
    if (row.length) rows.push(row);
  }
  return rows;
}

/** The block's rows justified to one measure, at the largest size up to `size` (never below `minSize`: it wraps
 * onto more rows instead, and says so with `wrapped`). */
export function setBilling(text: string, size: number, minSize: number, maxWidth: number, s: BillingSetting) {
  const lines = text
    .split("\n")
    .map(creditsOf)
    .filter((l) => l.length > 0);
  let current = Math.max(size, minSize);
  while (current > minSize && lines.some((l) => natural(l, current, s) > maxWidth)) current *= 0.96;
  const wrapped = current < minSize || lines.some((l) => natural(l, Math.max(current, minSize), s) > maxWidth);
  current = Math.max(current, minSize);
  const credits = wrapped ? rowsWithin(lines, current, s, maxWidth) : lines;
  const measure = Math.min(maxWidth, Math.max(...credits.map((c) => natural(c, current, s))));
  const rows: Row[] = credits.map((c) => {
    const { items } = piecesOf(c);
    const characters = items.reduce((n, item) => n + [...item].length, 0);
    // A short row is set larger (up to a limit), then part of what is left goes into tracking, the rest between
    // its pieces, so no row opens up into holes.
    const size = current * Math.min(MAX_ROW_SCALE, Math.max(1, measure / natural(c, current, s)));
    const extra = Math.max(0, measure - natural(c, size, s));
    // Within one credit, letter-spacing reads as deliberate where word gaps read as holes.
    const oneCredit = c.length === 1;
    const tracking = Math.min(
      oneCredit ? MAX_ONE_CREDIT_TRACKING : MAX_EXTRA_TRACKING,
      (extra * (oneCredit ? 0.9 : 0.4)) / Math.max(1, characters) / size,
    );
    return { items, size, letterSpacing: BILLING_TRACKING + tracking, justify: true, gap: 0 };
  });
  return { size: current, rows, measure, wrapped };
}

/** Above-the-title credits: each line's credits centred, a wide space apart. */
export function setCreditsLine(text: string, size: number, maxWidth: number, tracking: number, s: BillingSetting) {
  const lines = text
    .split("\n")
    .map(creditsOf)
    .filter((l) => l.length > 0);
  const width = (credits: string[], at: number) =>
    credits.reduce((w, c) => w + s.measure(c, s.font, at, tracking), 0) + (credits.length - 1) * 1.6 * at;
  let current = size;
  while (current > size * 0.4 && lines.some((l) => width(l, current) > maxWidth)) current *= 0.95;
  const rows: Row[] = lines.map((items) => ({
    items,
    size: current,
    letterSpacing: tracking,
    justify: false,
    gap: 1.6 * current,
  }));
  return { size: current, rows, measure: Math.min(maxWidth, Math.max(...lines.map((l) => width(l, current)))) };
}
