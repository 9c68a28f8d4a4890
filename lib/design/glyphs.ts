import type { FieldErrors } from "../errors";
import { FONTS, type FontId } from "./fonts";
import type { Design } from "./schema";
import { smartQuotes } from "./typeset";

// Text a font has no glyph for is set as empty boxes: rather than save a poster like that, name the characters on
// the field they came from. Checked against the renderer's own font files (cmap.ts reads which characters they map).

const SHOWN_AT_MOST = 8;

/** A character as a person can read it in a message: itself, or its code (U+200D) when it is invisible. */
const readable = (c: string) =>
  /[\p{L}\p{N}\p{P}\p{S}]/u.test(c) ? c : `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

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

/** One message per field holding characters its font can't set; empty when every character can be set. */
export function unsettableText(design: Design, covered: (font: FontId) => ReadonlySet<number>): FieldErrors {
  const problems: FieldErrors = {};
  for (const layer of layers(design)) {
    const fontHas = covered(layer.font);
    const missing = [...new Set(layer.text)].filter((c) => c !== "\n" && !fontHas.has(c.codePointAt(0) ?? 0));
    if (missing.length === 0) continue;
    const shown = missing.slice(0, SHOWN_AT_MOST).map(readable).join(" ");
    const more = missing.length > SHOWN_AT_MOST ? ` and ${missing.length - SHOWN_AT_MOST} more` : "";
    problems[layer.field] =
      `${FONTS[layer.font].label} can't set these characters: ${shown}${more}. Remove them or pick another ${layer.what} font.`;
  }
  return problems;
}
