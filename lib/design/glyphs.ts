import type { FieldErrors } from "../errors";
import { FONT_IDS, FONTS, type FontId } from "./fonts";
import type { Design } from "./schema";
import { smartQuotes } from "./typeset";

// Text a font has no glyph for is set as empty boxes: rather than save a poster like that, name the characters on
// the field they came from, and the faces that could set them. Checked against the renderer's own font files
// (cmap.ts reads which characters they map; font-files.ts unites a face's subsets).

const SHOWN_AT_MOST = 8;

/** What a face's files map: the union of its subsets' code points. */
export type Coverage = (font: FontId) => ReadonlySet<number>;

/** A character as a person can read it in a message: itself, or its code (U+200D) when it is invisible. */
const readable = (c: string) =>
  /[\p{L}\p{N}\p{P}\p{S}]/u.test(c) ? c : `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** The characters of `text` (line breaks aside, as the layout makes them breaks) a face with `covered` can't set. */
const missingFrom = (text: string, covered: ReadonlySet<number>) =>
  [...new Set(text)].filter((c) => c !== "\n" && !covered.has(c.codePointAt(0) ?? 0));

/** Which of `faces` can set every character of `text`, as typed and in the capitals a title is set in. */
export function settableBy(text: string, covered: Coverage, faces: readonly FontId[] = FONT_IDS): FontId[] {
  const set = smartQuotes(text);
  const all = set + set.toUpperCase();
  return faces.filter((font) => missingFrom(all, covered(font)).length === 0);
}

/** "A", "A or B", "A, B or C". */
const either = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : (names[0] ?? "");

/** The text each field puts on the poster, as the layout sets it (title, date and billing in capitals). */
function layers(design: Design): { field: keyof Design; font: FontId; what: string; text: string }[] {
  const set = (text: string | undefined) => smartQuotes(text ?? "");
  return [
    { field: "title", font: design.titleFont, what: "title", text: set(design.title).toUpperCase() },
    {
      field: "aboveTitle",
      font: design.textFont,
      what: "tagline and date",
      text: set(design.aboveTitle).toUpperCase(),
    },
    { field: "tagline", font: design.textFont, what: "tagline and date", text: set(design.tagline) },
    { field: "billing", font: design.billingFont, what: "billing", text: set(design.billing).toUpperCase() },
    { field: "date", font: design.textFont, what: "tagline and date", text: set(design.date).toUpperCase() },
  ];
}

/** One message per field holding characters its font can't set, naming the bundled faces that can set the field
 * (when any can); empty when every character can be set. */
export function unsettableText(design: Design, covered: Coverage): FieldErrors {
  const problems: FieldErrors = {};
  for (const layer of layers(design)) {
    const missing = missingFrom(layer.text, covered(layer.font));
    if (missing.length === 0) continue;
    const shown = missing.slice(0, SHOWN_AT_MOST).map(readable).join(" ");
    const more = missing.length > SHOWN_AT_MOST ? ` and ${missing.length - SHOWN_AT_MOST} more` : "";
    const others = FONT_IDS.filter((font) => missingFrom(layer.text, covered(font)).length === 0);
    const suggestion = others.length > 0 ? `: ${either(others.map((font) => FONTS[font].label))} can set it` : "";
    problems[layer.field] =
      `${FONTS[layer.font].label} can't set these characters: ${shown}${more}. Remove them or pick another ${layer.what} font${suggestion}.`;
  }
  return problems;
}
