import { FONTS, type FontId } from "./fonts";
import type { Design } from "./schema";

// Where each text layer goes on a canvas of a given size: pure arithmetic, shared by the preview and the final
// render (so what the editor shows is what gets saved) and checked by unit tests for every template and ratio.

export type Layer = "title" | "tagline" | "billing" | "date";

export interface TextBox {
  layer: Layer;
  font: FontId;
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
  /** In ems. */
  letterSpacing: number;
  lineHeight: number;
}

export interface Layout {
  boxes: TextBox[];
  /** Plain sentences for the editor: settings that the layout had to overrule. */
  warnings: string[];
}

/** Trade convention: credits at least 15% of the title's type size. */
export const BILLING_MIN_RATIO = 0.15;

const lineWidth = (text: string, font: FontId, size: number, spacing: number) =>
  text.length * (FONTS[font].width + spacing) * size;

function wrap(text: string, font: FontId, size: number, spacing: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && lineWidth(candidate, font, size, spacing) > maxWidth) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
  }
  return lines;
}

/** The largest size up to `size` at which `text` fits in `maxLines` lines of `maxWidth`. */
function fitText(text: string, font: FontId, size: number, spacing: number, maxWidth: number, maxLines: number) {
  let current = size;
  for (let i = 0; i < 40; i++) {
    const lines = wrap(text, font, current, spacing, maxWidth);
    const widest = Math.max(...lines.map((l) => lineWidth(l, font, current, spacing)));
    if (lines.length <= maxLines && widest <= maxWidth) return { size: current, lines };
    current *= 0.92;
  }
  return { size: current, lines: wrap(text, font, current, spacing, maxWidth) };
}

export function layoutDesign(design: Design, width: number, height: number): Layout {
  const warnings: string[] = [];
  const base = Math.min(width, (height * 2) / 3);
  const margin = Math.round(width * 0.06);
  const maxWidth = width - 2 * margin;
  const gap = base * 0.025;
  const box = (layer: Layer, font: FontId, lines: string[], size: number, spacing: number, lineHeight: number) => ({
    layer,
    font,
    lines,
    fontSize: size,
    letterSpacing: spacing,
    lineHeight,
    x: margin,
    width: maxWidth,
    y: 0,
    height: lines.length * size * lineHeight,
  });

  const shows = {
    tagline: design.template !== "minimal" && Boolean(design.tagline),
    billing: design.template === "classic" && Boolean(design.billing),
    date: design.template !== "minimal" && Boolean(design.date),
  };
  if (design.template === "minimal" && (design.tagline || design.billing || design.date)) {
    warnings.push("Minimal shows the title only: the other text layers are hidden.");
  }
  if (design.template === "teaser" && design.billing) warnings.push("Teaser has no billing block: it is hidden.");

  let titleSize = (design.titleSize / 100) * base;
  const title = design.title
    ? fitText(design.title.toUpperCase(), design.titleFont, titleSize, design.letterSpacing, maxWidth, 2)
    : null;
  if (title) titleSize = title.size;

  const tagline = shows.tagline
    ? fitText(design.tagline ?? "", design.textFont, base * 0.036, 0.04, maxWidth, 3)
    : null;
  const date = shows.date
    ? fitText((design.date ?? "").toUpperCase(), design.textFont, base * 0.032, 0.12, maxWidth, 1)
    : null;

  let billing: { size: number; lines: string[] } | null = null;
  if (shows.billing) {
    const minimum = titleSize * BILLING_MIN_RATIO;
    const credits = (design.billing ?? "").toUpperCase();
    const fitted = fitText(
      credits,
      design.billingFont,
      Math.max(base * 0.024, minimum),
      0.03,
      maxWidth,
      credits.split("\n").length,
    );
    if (fitted.size < minimum) {
      warnings.push(
        "The billing block would be set smaller than 15% of the title's size: it wraps onto more lines instead. Shorten the credits or make the title smaller.",
      );
      billing = { size: minimum, lines: wrap(credits, design.billingFont, minimum, 0.03, maxWidth) };
    } else billing = fitted;
  }

  // Stack from the edges in: tagline at the top (or centred, in a teaser), billing then date at the foot.
  const boxes: TextBox[] = [];
  let top = height * 0.05;
  let bottom = height - height * 0.035;
  if (billing) {
    const b = box("billing", design.billingFont, billing.lines, billing.size, 0.03, 1.1);
    b.y = bottom - b.height;
    bottom = b.y - gap;
    boxes.push(b);
  }
  if (date) {
    const d = box("date", design.textFont, date.lines, date.size, 0.12, 1.2);
    d.y = bottom - d.height;
    bottom = d.y - gap;
    boxes.push(d);
  }
  if (tagline) {
    const t = box("tagline", design.textFont, tagline.lines, tagline.size, 0.04, 1.25);
    t.y = design.template === "teaser" ? height * 0.45 - t.height / 2 : top;
    if (design.template !== "teaser") top = t.y + t.height + gap;
    boxes.push(t);
  }
  if (title) {
    let t = box("title", design.titleFont, title.lines, titleSize, design.letterSpacing, 0.95);
    const teaserTagline = design.template === "teaser" ? boxes.find((b) => b.layer === "tagline") : undefined;
    const floor = teaserTagline ? teaserTagline.y + teaserTagline.height + gap : top;
    // Shrink the title until it fits between what is above and below it.
    while (t.height > bottom - floor && t.fontSize > base * 0.02) {
      const smaller = fitText(
        title.lines.join(" "),
        design.titleFont,
        t.fontSize * 0.9,
        design.letterSpacing,
        maxWidth,
        2,
      );
      t = box("title", design.titleFont, smaller.lines, smaller.size, design.letterSpacing, 0.95);
      if (!warnings.includes("TITLE")) warnings.push("TITLE");
    }
    const wanted =
      ((design.titleY ?? { classic: 70, teaser: 80, minimal: 86 }[design.template]) / 100) * height - t.height / 2;
    t.y = Math.min(Math.max(wanted, floor), bottom - t.height);
    boxes.push(t);
  }
  const shrunk = warnings.indexOf("TITLE");
  if (shrunk >= 0)
    warnings.splice(shrunk, 1, "There is a lot of text for this size: the title was made smaller to fit.");
  return { boxes, warnings };
}
