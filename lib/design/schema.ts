import * as z from "zod/mini";
import { keysOf, nonEmpty } from "../tuples";
import { FONT_IDS } from "./fonts";

// A poster design: text layers over the key art, a template that places them, and the sliders. Shared by the editor
// (form) and PUT /api/posters/{id}/design, so both say the same things about bad input.

export const TEMPLATES = {
  classic: {
    label: "Classic",
    blurb: "Tagline at the top, title in the lower third, billing block at the foot.",
    shows: ["aboveTitle", "title", "tagline", "billing", "date"],
  },
  teaser: {
    label: "Teaser",
    blurb: "Tagline centred, release date at the foot.",
    shows: ["aboveTitle", "title", "tagline", "date"],
  },
  minimal: { label: "Minimal", blurb: "The title only.", shows: ["title"] },
} as const satisfies Record<string, { label: string; blurb: string; shows: readonly TextField[] }>;
export type TemplateId = keyof typeof TEMPLATES;
export const isTemplateId = (id: string): id is TemplateId => Object.hasOwn(TEMPLATES, id);

/** The design's text fields, as the editor names them. */
export const TEXT_FIELDS = {
  aboveTitle: "above-the-title credits",
  title: "title",
  tagline: "tagline",
  billing: "billing block",
  date: "release date",
} as const;
export type TextField = keyof typeof TEXT_FIELDS;

/** Text the user typed that this template doesn't show: kept in the design, shown again by a template that has it. */
export function hiddenFields(design: Partial<Record<TextField, string>> & { template?: string }): TextField[] {
  const template = design.template;
  const shown: readonly string[] = template && isTemplateId(template) ? TEMPLATES[template].shows : [];
  return keysOf(TEXT_FIELDS).filter((f) => Boolean(design[f]?.trim()) && !shown.includes(f));
}

/** A logo in the poster's own folder (posters/{id}/{logo}.png), attached by POST /api/posters/{id}/design/logo. */
export const LOGO_NAME = /^logo-[A-Za-z0-9_-]{8,40}$/;
export const MAX_TITLE_LINES = 3;

// Bidirectional controls (embeddings, overrides, isolates, marks) can make a title read backwards or hide what it
// says; a poster's text never needs them, so they are dropped before anything else looks at the text.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
export const withoutBidi = z.overwrite((s: string) => s.replace(BIDI_CONTROLS, ""));

const text = (max: number, what: string) =>
  z.optional(
    z
      .string({ error: `The ${what} must be text.` })
      .check(withoutBidi, z.trim(), z.maxLength(max, `Keep the ${what} under ${max} characters.`)),
  );

const hex = z.optional(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, "Colours are hex, like #F5C542.")));

/** Title size, as a percentage of the poster's width (a design's, and a campaign kit's). */
export const titleSizeField = z._default(
  z
    .number({ error: "Title size must be a number." })
    .check(z.gte(4, "Title size must be at least 4."), z.lte(24, "Title size must be at most 24.")),
  12,
);

/** Extra space between letters, in ems (a design's, and a campaign kit's). */
export const letterSpacingField = z._default(
  z
    .number({ error: "Letter spacing must be a number." })
    .check(z.gte(-0.05, "Letter spacing must be at least -0.05."), z.lte(0.5, "Letter spacing must be at most 0.5.")),
  0.02,
);

export const MAX_BILLING_LINES = 8;

/** The text layers a design can place by hand (the title layer is the logo when the design has one). */
export const LAYER_IDS = ["aboveTitle", "title", "tagline", "billing", "date"] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/** How far a layer's type may be scaled from the template's size. */
export const LAYER_SCALE = { min: 0.25, max: 4 } as const;

const fraction = (what: string) =>
  z
    .number({ error: `A layer's ${what} must be a number from 0 to 1.` })
    .check(z.gte(0, `A layer's ${what} must be at least 0.`), z.lte(1, `A layer's ${what} must be at most 1.`));

/** Where a layer was put on the canvas: its box's centre in fractions of the poster's width and height, and its type
 * scaled from the template's size (the lines stay as the template set them). */
export const layerPlacementSchema = z.strictObject({
  x: fraction("x"),
  y: fraction("y"),
  scale: z._default(
    z
      .number({ error: "A layer's scale must be a number." })
      .check(
        z.gte(LAYER_SCALE.min, `A layer's scale must be at least ${LAYER_SCALE.min}.`),
        z.lte(LAYER_SCALE.max, `A layer's scale must be at most ${LAYER_SCALE.max}.`),
      ),
    1,
  ),
});
export type LayerPlacement = z.output<typeof layerPlacementSchema>;

/** Layers moved on the canvas; a layer not named here sits where the template puts it (designs saved before the
 * canvas have none, and lay out as they always did). */
export const layersSchema = z.strictObject(
  {
    aboveTitle: z.optional(layerPlacementSchema),
    title: z.optional(layerPlacementSchema),
    tagline: z.optional(layerPlacementSchema),
    billing: z.optional(layerPlacementSchema),
    date: z.optional(layerPlacementSchema),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown layer: ${issue.keys.join(", ")}.` : undefined) },
);

export const designSchema = z
  .strictObject(
    {
      template: z.enum(nonEmpty(keysOf(TEMPLATES), "templates"), {
        error: "Pick a template: classic, teaser or minimal.",
      }),
      /** Credits set small above the title ("A CHRISTOPHER NOLAN FILM"); two or more spaces separate credits. */
      aboveTitle: z.optional(
        z.string({ error: "The above-the-title credits must be text." }).check(
          withoutBidi,
          z.trim(),
          z.maxLength(120, "Keep the above-the-title credits under 120 characters."),
          z.refine((b) => b.split("\n").length <= 2, "Keep the above-the-title credits to 2 lines."),
        ),
      ),
      /** A newline the user typed is a line break. */
      title: z.optional(
        z.string({ error: "The title must be text." }).check(
          withoutBidi,
          z.trim(),
          z.maxLength(60, "Keep the title under 60 characters."),
          z.refine(
            (t) => t.split("\n").length <= MAX_TITLE_LINES,
            `Break the title onto ${MAX_TITLE_LINES} lines at most.`,
          ),
        ),
      ),
      /** A title treatment (a PNG with transparency) drawn instead of the title's type. */
      logo: z.optional(z.string().check(z.regex(LOGO_NAME, "That logo isn't one of this poster's: upload it again."))),
      tagline: text(120, "tagline"),
      billing: z.optional(
        z.string({ error: "The billing block must be text." }).check(
          withoutBidi,
          z.trim(),
          z.maxLength(1200, "Keep the billing block under 1,200 characters."),
          z.refine(
            (b) => b.split("\n").length <= MAX_BILLING_LINES,
            `Keep the billing block to ${MAX_BILLING_LINES} lines.`,
          ),
        ),
      ),
      date: text(40, "release date"),
      titleFont: z._default(
        z.enum(FONT_IDS, { error: `Pick one of the fonts: ${FONT_IDS.join(", ")}.` }),
        "bebas-neue",
      ),
      textFont: z._default(z.enum(FONT_IDS, { error: `Pick one of the fonts: ${FONT_IDS.join(", ")}.` }), "oswald"),
      billingFont: z._default(
        z.enum(FONT_IDS, { error: `Pick one of the fonts: ${FONT_IDS.join(", ")}.` }),
        "league-gothic",
      ),
      /** Title size, as a percentage of the poster's width. */
      titleSize: titleSizeField,
      /** Extra space between letters, in ems. */
      letterSpacing: letterSpacingField,
      /** Where the title sits, 0 (top) to 100 (bottom); "auto" is the calmest band of the art the template allows;
       * the template's place when absent. */
      titleY: z.optional(
        z.union([
          z.literal("auto"),
          z
            .number({ error: 'Title position must be a number from 0 to 100, or "auto".' })
            .check(z.gte(0, "Title position must be at least 0."), z.lte(100, "Title position must be at most 100.")),
        ]),
      ),
      /** How dark the gradient behind the text is, 0 to 1. */
      scrim: z._default(
        z
          .number({ error: "Scrim must be a number." })
          .check(z.gte(0, "Scrim must be at least 0."), z.lte(1, "Scrim must be at most 1.")),
        0.55,
      ),
      titleColor: hex,
      textColor: hex,
      /** Layers placed on the canvas (layout.ts puts the others where the template says). */
      layers: z.optional(layersSchema),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys" ? `Unknown design setting: ${issue.keys.join(", ")}.` : undefined,
    },
  )
  .check(
    z.refine((d) => Boolean(d.title || d.logo || d.aboveTitle || d.tagline || d.billing || d.date), {
      message: "Add some text: a title, a tagline, a billing block or a release date.",
      path: ["title"],
    }),
  );

export type Design = z.output<typeof designSchema>;
export type DesignInput = z.input<typeof designSchema>;
