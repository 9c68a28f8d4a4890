// Where a line of Japanese (or Chinese) may break: text without spaces breaks between any two characters, except
// where the kinsoku shori rules forbid it (JIS X 4051, and the W3C's "Requirements for Japanese Text Layout"): no
// line starts with closing brackets, small kana, the prolonged sound mark, iteration marks or the punctuation that
// follows a word (。、・：；？！); none ends with an opening bracket; a doubled dash or ellipsis (——, ……) stays
// whole; and a Latin word or a number inside the text ("2027年", "IMAX版") is never split. Korean and Latin text
// break at spaces only (Korean sets whole words per line, as its posters do). Pure: the layout measures.

/** May not start a line (行頭禁則): closing brackets and quotes, small kana, ー, iteration marks, trailing
 * punctuation, in full and half width. */
export const NO_LINE_START = new Set([
  ...")]}〕〉》」』】〙〗〟’”｠»）］｝｣",
  ..."ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ",
  ..."ｧｨｩｪｫｯｬｭｮ",
  ..."ーｰ〜～",
  ..."ヽヾゝゞ々〻",
  ..."‐゠–",
  ..."。、・：；？！‼⁇⁈⁉，．.,:;?!｡､･",
]);

/** May not end a line (行末禁則): opening brackets and quotes. */
export const NO_LINE_END = new Set([..."([{〔〈《「『【〘〖〝‘“｟«（［｛｢"]);

/** Pairs that are never split (分離禁止): a doubled dash, ellipsis or two-dot leader. */
const INSEPARABLE = new Set(["—", "―", "…", "‥"]);

// Scripts set without spaces between words: any two of these may break (rules aside).
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fb\u30fc\uff00-\uffef]/u;
const SPACE = /\s/u;

/** The UTF-16 indices where a new line may begin (never 0 or the end), in order. A break after a space starts the
 * line after the space (the layout drops the space itself). */
export function breakOpportunities(text: string): number[] {
  const chars = [...text];
  const starts: number[] = [];
  let at = 0;
  const offsets = chars.map((c) => {
    const offset = at;
    at += c.length;
    return offset;
  });
  for (let i = 1; i < chars.length; i++) {
    const before = chars[i - 1] ?? "";
    const after = chars[i] ?? "";
    const offset = offsets[i] ?? 0;
    if (SPACE.test(after)) continue;
    if (SPACE.test(before)) {
      starts.push(offset);
      continue;
    }
    if (!(CJK.test(before) || CJK.test(after))) continue;
    if (NO_LINE_START.has(after) || NO_LINE_END.has(before)) continue;
    if (before === after && INSEPARABLE.has(before)) continue;
    starts.push(offset);
  }
  return starts;
}

/** `text` in greedy lines no wider than `maxWidth` (by `width`), broken only where breakOpportunities allows; a
 * piece wider than the measure alone stays on its own line. Spaces at a break are dropped. */
export function wrapAtOpportunities(text: string, width: (line: string) => number, maxWidth: number): string[] {
  const cuts = [0, ...breakOpportunities(text), text.length];
  const lines: string[] = [];
  let lineStart = 0;
  let lastFit = 0;
  for (let k = 1; k < cuts.length; k++) {
    const cut = cuts[k] ?? text.length;
    const candidate = text.slice(lineStart, cut).trimEnd();
    if (width(candidate) <= maxWidth || lastFit === lineStart) {
      lastFit = cut;
      continue;
    }
    lines.push(text.slice(lineStart, lastFit).trimEnd());
    lineStart = lastFit;
    k--;
  }
  if (lineStart < text.length) lines.push(text.slice(lineStart).trimEnd());
  return lines.filter(Boolean);
}
