import { type Row, setBilling, setCreditsLine } from "./billing";
import { bandOf, calmestTop } from "./calm";
import type { FontId } from "./fonts";
import { type Measure, measurer } from "./metrics";
import { SAFE_AREA } from "./safe-area";
import { type Design, hiddenFields, type LayerPlacement, MAX_TITLE_LINES, TEMPLATES, TEXT_FIELDS } from "./schema";
import { fitBalanced, paragraphsOf, smartQuotes } from "./typeset";

// Where each text layer goes on a canvas of a given size: pure arithmetic over the fonts' metrics, shared by the
// preview and the final render (so what the editor shows is what gets saved) and checked by unit tests for every
// template and ratio.

export type Layer = "aboveTitle" | "title" | "tagline" | "billing" | "date";

export interface TextBox {
  layer: Layer;
  font: FontId;
  /** Each line's text, as set (quotes curled, capitals where the layer uses them). */
  lines: string[];
  /** How each line is set: its pieces, tracking, and whether it is justified to `measure`. */
  rows: Row[];
  x: number;
  y: number;
  width: number;
  height: number;
  /** The width justified rows are spread to, centred in the box. */
  measure: number;
  fontSize: number;
  lineHeight: number;
  /** The title drawn as the uploaded logo image instead of type. */
  logo?: boolean;
  /** How wide the ink is (the widest row), centred in the box: what the canvas lets the user grab and snaps. */
  inkWidth: number;
}

export interface Layout {
  boxes: TextBox[];
  /** Plain sentences for the editor: settings that the layout had to overrule, text the template hides. */
  warnings: string[];
  /** Where an "auto" title went, for the editor: "Title placed in the top band: calmest area." */
  placement?: string;
}

export interface LayoutOptions {
  /** Text widths from the fonts' own metrics (the renderer's); rough average widths when absent. */
  measure?: Measure;
  /** Detail per row of the art (calm.ts), for a title placed "auto". */
  detail?: number[];
  /** The logo's size in px, when the design has one. */
  logo?: { width: number; height: number };
}

/** Where each template puts the title's centre, in % of the height from the top. */
export const TEMPLATE_TITLE_Y = { classic: 70, teaser: 80, minimal: 86 } as const;

/** Trade convention: credits at least 15% of the title's type size. */
export const BILLING_MIN_RATIO = 0.15;

const centred = (items: string, size: number, spacing: number): Row => ({
  items: [items],
  size,
  letterSpacing: spacing,
  justify: false,
  gap: 0,
});
const rowText = (row: Row) =>
  row.items.length > 1 && row.items.every((i) => [...i].length === 1)
    ? row.items.join("")
    : row.items.join(row.justify ? " " : "  ");

/** A title's line height, in ems: tight, as display capitals are set, unless a line below the first carries accents
 * (È, Ä, Й): then open enough that its marks don't run into the line above (where they merge into its letters). */
export function titleLeading(lines: readonly string[]): number {
  return lines.slice(1).some((line) => /\p{M}/u.test(line.normalize("NFD"))) ? 1.12 : 0.95;
}

export function layoutDesign(design: Design, width: number, height: number, options: LayoutOptions = {}): Layout {
  const measure = options.measure ?? measurer(new Map());
  const warnings: string[] = [];
  const base = Math.min(width, (height * 2) / 3);
  const margin = Math.round(width * SAFE_AREA.side);
  const maxWidth = width - 2 * margin;
  const gap = base * 0.025;
  const box = (layer: Layer, font: FontId, rows: Row[], size: number, lineHeight: number, set?: number): TextBox => ({
    layer,
    font,
    lines: rows.map(rowText),
    rows,
    fontSize: size,
    lineHeight,
    x: margin,
    width: maxWidth,
    measure: set ?? maxWidth,
    y: 0,
    height: rows.reduce((h, row) => h + row.size * lineHeight, 0),
    inkWidth: Math.min(maxWidth, Math.max(0, ...rows.map((row) => rowWidth(row, font, set ?? maxWidth)))),
  });
  const rowWidth = (row: Row, font: FontId, spread: number) => {
    if (row.justify) return spread;
    const tracking = row.letterSpacing * row.size;
    const items = row.items.reduce((w, item) => w + measure(item, font, row.size, row.letterSpacing), 0);
    return items + row.gap * (row.items.length - 1) - tracking;
  };
  const lines = (text: string, font: FontId, size: number, spacing: number, maxLines: number, floor = 0) =>
    fitBalanced(paragraphsOf(text), { font, size, spacing, measure }, maxWidth, maxLines, floor);

  const shown = new Set<string>(TEMPLATES[design.template].shows);
  const shows = (field: keyof typeof TEXT_FIELDS) => shown.has(field) && Boolean(design[field]);
  const hidden = hiddenFields(design);
  if (hidden.length) {
    const names = hidden.map((f) => TEXT_FIELDS[f]);
    const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
    warnings.push(
      `${TEMPLATES[design.template].label} doesn't show the ${list}: kept in the design, and shown again with a template that has ${names.length > 1 ? "them" : "it"}.`,
    );
  }

  // The title: set type (a newline the user typed is a break; otherwise balanced lines), or the logo image.
  let titleSize = (design.titleSize / 100) * base;
  const titleParagraphs = paragraphsOf(smartQuotes(design.title ?? "").toUpperCase());
  const titleText = titleParagraphs.join("\n");
  const setTitle = (size: number) =>
    titleParagraphs.length > 1
      ? lines(titleText, design.titleFont, size, design.letterSpacing, titleParagraphs.length, size * 0.45)
      : lines(titleText, design.titleFont, size, design.letterSpacing, 2);
  const logo = design.logo && options.logo ? options.logo : undefined;
  const logoBox = (scale: number): TextBox => {
    const w = Math.min(maxWidth, base * (design.titleSize / 100) * 6 * scale);
    const h = Math.min((w * (logo?.height ?? 1)) / (logo?.width ?? 1), height * 0.3 * scale);
    const fitted = Math.min(w, (h * (logo?.width ?? 1)) / (logo?.height ?? 1));
    return {
      ...box("title", design.titleFont, [], h, 1),
      x: (width - fitted) / 2,
      width: fitted,
      measure: fitted,
      height: h,
      inkWidth: fitted,
      logo: true,
    };
  };
  const title = titleParagraphs.length && !logo ? setTitle(titleSize) : null;
  if (title) titleSize = title.size;
  if (title && title.lines.length > MAX_TITLE_LINES) title.lines = title.lines.slice(0, MAX_TITLE_LINES);

  const aboveTitle = shows("aboveTitle")
    ? setCreditsLine(smartQuotes(design.aboveTitle ?? "").toUpperCase(), base * 0.027, maxWidth, 0.08, {
        font: design.textFont,
        measure,
      })
    : null;
  const tagline = shows("tagline")
    ? lines(smartQuotes(design.tagline ?? ""), design.textFont, base * 0.036, 0.04, 3)
    : null;
  const date = shows("date")
    ? lines(smartQuotes(design.date ?? "").toUpperCase(), design.textFont, base * 0.032, 0.12, 1)
    : null;

  let billing: ReturnType<typeof setBilling> | null = null;
  if (shows("billing")) {
    const minimum = titleSize * BILLING_MIN_RATIO;
    billing = setBilling(smartQuotes(design.billing ?? "").toUpperCase(), base * 0.024, minimum, maxWidth, {
      font: design.billingFont,
      measure,
    });
    if (billing.wrapped)
      warnings.push(
        "The billing block would be set smaller than 15% of the title's size: it wraps onto more lines instead. Shorten the credits or make the title smaller.",
      );
  }

  // Stack from the edges in: tagline at the top (or centred, in a teaser), billing then date at the foot.
  const boxes: TextBox[] = [];
  const top = height * SAFE_AREA.top;
  let floor = top;
  let bottom = height - height * SAFE_AREA.foot;
  if (billing) {
    const b = box("billing", design.billingFont, billing.rows, billing.size, 1.12, billing.measure);
    b.y = bottom - b.height;
    bottom = b.y - gap;
    boxes.push(b);
  }
  if (date) {
    const d = box(
      "date",
      design.textFont,
      date.lines.map((l) => centred(l, date.size, 0.12)),
      date.size,
      1.2,
    );
    d.y = bottom - d.height;
    bottom = d.y - gap;
    boxes.push(d);
  }
  if (tagline) {
    const t = box(
      "tagline",
      design.textFont,
      tagline.lines.map((l) => centred(l, tagline.size, 0.04)),
      tagline.size,
      1.25,
    );
    t.y = design.template === "teaser" ? height * 0.45 - t.height / 2 : top;
    floor = t.y + t.height + gap;
    boxes.push(t);
  }

  // The title, with the above-the-title credits just over it, as one group placed between what is above and below.
  const above = aboveTitle ? box("aboveTitle", design.textFont, aboveTitle.rows, aboveTitle.size, 1.2) : null;
  const aboveGap = above ? above.fontSize * 0.6 : 0;
  let t: TextBox | null = logo
    ? logoBox(1)
    : title
      ? box(
          "title",
          design.titleFont,
          title.lines.map((l) => centred(l, titleSize, design.letterSpacing)),
          titleSize,
          titleLeading(title.lines),
        )
      : null;
  const groupHeight = () => (t?.height ?? 0) + (above ? above.height + aboveGap : 0);
  if (t) {
    let shrunk = false;
    for (let scale = 0.9; groupHeight() > bottom - floor && t.fontSize > base * 0.02 && scale > 0.2; scale *= 0.9) {
      shrunk = true;
      if (t.logo) t = logoBox(scale);
      else {
        const smaller = setTitle(titleSize * scale);
        t = box(
          "title",
          design.titleFont,
          smaller.lines.map((l) => centred(l, smaller.size, design.letterSpacing)),
          smaller.size,
          titleLeading(smaller.lines),
        );
      }
    }
    if (shrunk) warnings.push("There is a lot of text for this size: the title was made smaller to fit.");
  }
  if (!t && !above) return { boxes: placed(boxes, design, width, height), warnings };
  const size = groupHeight();
  const place = design.titleY ?? TEMPLATE_TITLE_Y[design.template];
  const wanted = ((place === "auto" ? TEMPLATE_TITLE_Y[design.template] : place) / 100) * height - size / 2;
  let groupTop = Math.min(Math.max(wanted, floor), bottom - size);
  const auto = place === "auto" && options.detail !== undefined && t !== null;
  if (auto && options.detail) groupTop = calmestTop(options.detail, floor, bottom, size, height, groupTop);
  let y = groupTop;
  if (above) {
    above.y = y;
    y += above.height + aboveGap;
    boxes.push(above);
  }
  if (t) {
    t.y = y;
    boxes.push(t);
  }
  const placement = auto ? `Title placed in the ${bandOf(groupTop + size / 2, height)} band: calmest area.` : undefined;
  return { boxes: placed(boxes, design, width, height), warnings, placement };
}

/** The template's boxes with the layers the user moved on the canvas put where they were left: centred on the
 * placement, type and box scaled together (the lines stay as set, so the canvas can move and scale the layer's picture
 * and match what this lays out). Unplaced layers keep the template's place. */
function placed(boxes: TextBox[], design: Design, width: number, height: number): TextBox[] {
  const layers = design.layers;
  if (!layers) return boxes;
  return boxes.map((box) => {
    const p = layers[box.layer];
    return p ? placeBox(box, p, width, height) : box;
  });
}

export function placeBox(box: TextBox, p: LayerPlacement, width: number, height: number): TextBox {
  const s = p.scale;
  const w = box.width * s;
  const h = box.height * s;
  return {
    ...box,
    rows: box.rows.map((row) => ({ ...row, size: row.size * s, gap: row.gap * s })),
    fontSize: box.fontSize * s,
    width: w,
    height: h,
    measure: box.measure * s,
    inkWidth: box.inkWidth * s,
    x: p.x * width - w / 2,
    y: p.y * height - h / 2,
  };
}
