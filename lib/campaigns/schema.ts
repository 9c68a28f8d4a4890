import * as z from "zod/mini";
import { FONT_IDS } from "../design/fonts";
import { LOGO_NAME, letterSpacingField, titleSizeField, withoutBidi } from "../design/schema";
import { ID_PATTERN } from "../ids";
import { PLACEMENT_IDS } from "../print/placements";

// A campaign (a film), its brand kit and its markets, as the API takes them: one schema per request, shared by the
// routes, the spreadsheet import and the campaign page's forms, so every path says the same words about bad input.
// Pure (zod/mini): the browser loads it too. What is stored is in lib/campaigns/records.ts.

/** A campaign ships at most this many markets × placements in one matrix (refused up front above it). */
export const MAX_MARKETS = 50;
export const MAX_PLACEMENTS = 20;
export const MAX_CREDITS = 20;
/** Key art posters per campaign (teaser, payoff, characters…). */
export const MAX_KEY_ART = 12;

const line = (max: number, what: string) =>
  z
    .string({ error: `The ${what} must be text.` })
    .check(withoutBidi, z.trim(), z.maxLength(max, `Keep the ${what} under ${max} characters.`));

const required = (max: number, what: string) => line(max, what).check(z.minLength(1, `Give the ${what}.`));

const hex = z
  .string({ error: "Colours are hex, like #F5C542." })
  .check(z.regex(/^#[0-9a-fA-F]{6}$/, "Colours are hex, like #F5C542."));

const font = (what: string) => z.enum(FONT_IDS, { error: `Pick a ${what} font: ${FONT_IDS.join(", ")}.` });

/** A calendar date, YYYY-MM-DD, that exists. */
const isoDate = z.string({ error: "Dates are written YYYY-MM-DD." }).check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, "Dates are written YYYY-MM-DD."),
  z.refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, "That date doesn't exist."),
);

export const campaignCreateSchema = z.strictObject(
  {
    name: required(80, "campaign's name"),
    title: required(60, "film's title"),
    releaseDate: z.optional(isoDate),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}.` : undefined) },
);
export type CampaignCreate = z.output<typeof campaignCreateSchema>;

export const campaignUpdateSchema = z.strictObject(
  {
    name: z.optional(required(80, "campaign's name")),
    title: z.optional(required(60, "film's title")),
    /** null clears it. */
    releaseDate: z.optional(z.nullable(isoDate)),
    /** The placements new markets get, and the matrix offers. */
    placements: z.optional(
      z
        .array(z.enum(PLACEMENT_IDS, { error: placementError }))
        .check(z.maxLength(MAX_PLACEMENTS, `At most ${MAX_PLACEMENTS} placements.`)),
    ),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}.` : undefined) },
);
export type CampaignUpdate = z.output<typeof campaignUpdateSchema>;

function placementError(issue: { input?: unknown }) {
  return `Unknown placement ${JSON.stringify(issue.input)}: choose from ${PLACEMENT_IDS.join(", ")}.`;
}

/** One credit of a billing block, in billing order: `{role: "starring", names: ["MAYA OKAFOR", "JONAS REED"]}`. */
export const creditSchema = z.strictObject({
  role: required(40, "credit's role"),
  names: z
    .array(required(60, "credited name"), { error: "A credit's names are a list of names." })
    .check(z.minLength(1, "A credit names someone."), z.maxLength(12, "At most 12 names in one credit.")),
});
export type Credit = z.output<typeof creditSchema>;

/** A billing block holds about this much text (the design's billing block is capped at 1,200 characters). */
export const MAX_CREDIT_CHARACTERS = 1000;

const credits = z.array(creditSchema, { error: "Credits are a list of {role, names}." }).check(
  z.maxLength(MAX_CREDITS, `At most ${MAX_CREDITS} credits.`),
  z.refine(
    (list) => list.reduce((n, c) => n + c.role.length + c.names.join("").length, 0) <= MAX_CREDIT_CHARACTERS,
    `Keep the credits under ${MAX_CREDIT_CHARACTERS.toLocaleString("en-US")} characters in all: a billing block holds about that much.`,
  ),
);

/** The kit's fields a design may be kept from changing. */
export const LOCKABLE_FIELDS = [
  "titleFont",
  "titleSize",
  "letterSpacing",
  "titleColor",
  "logo",
  "textFont",
  "billingFont",
  "palette",
  "credits",
  "legalLine",
] as const;
export type LockableField = (typeof LOCKABLE_FIELDS)[number];

export const brandKitSchema = z.strictObject(
  {
    titleFont: font("title"),
    /** As a design's: a percentage of the poster's width; ems between letters. */
    titleSize: titleSizeField,
    letterSpacing: letterSpacingField,
    titleColor: z.optional(hex),
    /** A title treatment (PNG with transparency) of the campaign's, set instead of the title's type. */
    logo: z.optional(z.string().check(z.regex(LOGO_NAME, "That logo isn't one of this campaign's: upload it again."))),
    textFont: font("text"),
    billingFont: font("billing"),
    /** The campaign's colours; with `palette` locked, a design's colours come from it. */
    palette: z._default(z.array(hex).check(z.maxLength(12, "At most 12 palette colours.")), []),
    credits: z._default(credits, []),
    /** The small print under the billing block ("© 2027 Northlight Pictures. All rights reserved."). */
    legalLine: z.optional(line(160, "legal line")),
    locked: z._default(
      z.array(z.enum(LOCKABLE_FIELDS, { error: `Lockable fields: ${LOCKABLE_FIELDS.join(", ")}.` })),
      [],
    ),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `Unknown brand kit field: ${issue.keys.join(", ")}.` : undefined,
  },
);
export type BrandKit = z.output<typeof brandKitSchema>;
export type BrandKitInput = z.input<typeof brandKitSchema>;

/** A rating as the market's board gave it, typed by the user (the app never invents one). */
export const ratingSchema = z.strictObject({
  system: required(20, "rating system"),
  code: required(20, "rating"),
  descriptors: z.optional(line(200, "rating's descriptors")),
});
export type Rating = z.output<typeof ratingSchema>;

/** A BCP 47 language tag in its canonical form ("fr-fr" → "fr-FR"), or the reason it isn't one. */
export function canonicalMarketCode(code: string): string | undefined {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(code)) return undefined;
  try {
    return Intl.getCanonicalLocales(code)[0];
  } catch {
    return undefined;
  }
}

export const marketCodeSchema = z.pipe(
  z.string({ error: "A market's code is a BCP 47 tag, like fr-FR." }).check(z.trim()),
  z.transform((code, ctx) => {
    const canonical = canonicalMarketCode(code);
    if (!canonical) {
      ctx.issues.push({
        code: "custom",
        input: code,
        message: `"${code.slice(0, 20)}" isn't a BCP 47 market code: write it like fr-FR, de-DE or es-MX.`,
      });
      return z.NEVER;
    }
    return canonical;
  }),
);

export const marketSchema = z.strictObject(
  {
    code: marketCodeSchema,
    /** The film's title in this market. */
    title: required(60, "market's title"),
    /** The market's own title treatment (a logo of the campaign's). */
    logo: z.optional(z.string().check(z.regex(LOGO_NAME, "That logo isn't one of this campaign's: upload it again."))),
    /** Set the market's title in type even though the kit has a title logo: a logo lettered in the original title
     * is wrong where the title is translated and the market has no logo of its own. Its own logo still wins. */
    typedTitle: z.optional(z.boolean({ error: "typedTitle is true or false." })),
    tagline: z.optional(line(120, "tagline")),
    /** As the market writes it: "12 mars 2027", "AB 12. MÄRZ". */
    date: z.optional(line(40, "date line")),
    /** The billing in this market's order; the kit's when absent. */
    credits: z.optional(credits),
    rating: z.optional(ratingSchema),
    /** The placements this market ships; the campaign's (with the market's national poster) when absent. */
    placements: z.optional(
      z
        .array(z.enum(PLACEMENT_IDS, { error: placementError }))
        .check(z.maxLength(MAX_PLACEMENTS, `At most ${MAX_PLACEMENTS} placements.`)),
    ),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `Unknown market field: ${issue.keys.join(", ")}.` : undefined,
  },
);
export type MarketInput = z.input<typeof marketSchema>;
export type MarketRequest = z.output<typeof marketSchema>;

export const marketsSchema = z.array(marketSchema, { error: "Send the markets as a list." }).check(
  z.maxLength(MAX_MARKETS, `A campaign has at most ${MAX_MARKETS} markets.`),
  z.superRefine((markets, ctx) => {
    const seen = new Map<string, number>();
    markets.forEach((m, i) => {
      const first = seen.get(m.code);
      if (first !== undefined) {
        ctx.issues.push({
          code: "custom",
          input: m.code,
          path: [i, "code"],
          message: `${m.code} is listed twice (markets ${first + 1} and ${i + 1}): one row per market.`,
        });
      } else seen.set(m.code, i);
    });
  }),
);

export const keyArtAddSchema = z.strictObject({
  posterId: z.string({ error: "posterId names a poster." }).check(z.regex(ID_PATTERN, "posterId names a poster.")),
});

export const deliverablesRequestSchema = z.strictObject(
  {
    keyArt: z
      .string({ error: "keyArt names one of the campaign's key art posters." })
      .check(z.regex(ID_PATTERN, "keyArt names one of the campaign's key art posters.")),
    /** Only these markets (codes), else all. */
    markets: z.optional(
      z
        .array(marketCodeSchema)
        .check(
          z.minLength(1, "Name at least one market, or leave markets out for all."),
          z.maxLength(MAX_MARKETS, `At most ${MAX_MARKETS} markets.`),
        ),
    ),
    /** Only these placements, else each market's own. */
    placements: z.optional(
      z
        .array(z.enum(PLACEMENT_IDS, { error: placementError }))
        .check(
          z.minLength(1, "Name at least one placement, or leave placements out for each market's own."),
          z.maxLength(MAX_PLACEMENTS, `At most ${MAX_PLACEMENTS} placements.`),
        ),
    ),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}.` : undefined) },
);
export type DeliverablesRequest = z.output<typeof deliverablesRequestSchema>;

export const marketImportSchema = z.strictObject({
  uploadId: z
    .string({ error: "uploadId names an upload (POST /api/uploads)." })
    .check(
      z.minLength(1, "uploadId names an upload (POST /api/uploads)."),
      z.maxLength(64, "uploadId names an upload (POST /api/uploads)."),
    ),
  /** Import the rows that are right and report the others, instead of importing nothing. */
  goodRowsOnly: z.optional(z.boolean({ error: "goodRowsOnly is true or false." })),
});

/** The scripts this release sets; other scripts are refused naming the script (they come with real shaping). */
export const SUPPORTED_SCRIPTS = ["Latin", "Greek", "Cyrillic"] as const;

const UNSUPPORTED: { script: string; pattern: RegExp }[] = [
  { script: "Hebrew", pattern: /\p{Script=Hebrew}/u },
  { script: "Arabic", pattern: /\p{Script=Arabic}/u },
  { script: "Japanese", pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u },
  { script: "Chinese", pattern: /\p{Script=Han}/u },
  { script: "Korean", pattern: /\p{Script=Hangul}/u },
  { script: "Thai", pattern: /\p{Script=Thai}/u },
  { script: "Devanagari", pattern: /\p{Script=Devanagari}/u },
];

/** The scripts in `text` that this release can't set yet (named, for the message), in a stable order. */
export function unsupportedScripts(text: string): string[] {
  return UNSUPPORTED.filter((u) => u.pattern.test(text)).map((u) => u.script);
}
