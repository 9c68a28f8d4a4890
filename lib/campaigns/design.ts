import { type Design, designSchema } from "../design/schema";
import type { Market } from "../store/campaign-records";
import type { BrandKit, Credit, LockableField, Rating } from "./schema";

// A market's design: the key art's design (its template, scrim and placement of the title) under the campaign's
// brand kit (faces, sizes, colours, credits, legal line), with the market's own words (title, tagline, date line,
// billing order, rating). The one place that says what a market's poster reads, so the matrix, the lock check on
// the editor's saves and the kit's "what will change" count all agree. Pure.

/** Credits as a billing block's line: each credit its role then its names, credits and names two spaces apart (the
 * renderer's separator, so justification opens the space between them, not inside a name). */
export function creditsLine(credits: readonly Credit[]): string {
  return credits.map((c) => `${c.role} ${c.names.join("  ")}`).join("  ");
}

/** A rating as typed, for the foot of the billing block: "BBFC 12A  MODERATE VIOLENCE". Never invented. */
export const ratingLine = (rating: Rating) =>
  [`${rating.system} ${rating.code}`, rating.descriptors].filter(Boolean).join("  ");

export function billingOf(credits: readonly Credit[], legalLine?: string, rating?: Rating): string {
  const foot = [legalLine, rating ? ratingLine(rating) : undefined].filter(Boolean).join("  ");
  return [creditsLine(credits), foot].filter(Boolean).join("\n");
}

/** The release date as the market writes it, when its row has no date line of its own. */
export function marketDate(code: string, releaseDate: string | undefined): string | undefined {
  if (!releaseDate) return undefined;
  try {
    return new Intl.DateTimeFormat(code, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${releaseDate}T00:00:00Z`),
    );
  } catch {
    return undefined;
  }
}

export interface CampaignFacts {
  kit?: BrandKit;
  releaseDate?: string;
}

/** The design of one market's deliverables, before validation. */
export function marketDesignInput(campaign: CampaignFacts, market: Market, base: Design | undefined) {
  const kit = campaign.kit;
  const credits = market.credits ?? kit?.credits ?? [];
  const billing =
    credits.length || kit?.legalLine || market.rating
      ? billingOf(credits, kit?.legalLine, market.rating)
      : base?.billing;
  const logo = market.logo ?? (market.typedTitle ? undefined : kit?.logo);
  return {
    template: base?.template ?? "classic",
    ...(base?.aboveTitle ? { aboveTitle: base.aboveTitle } : {}),
    title: market.title,
    ...(logo ? { logo } : {}),
    ...(market.tagline ? { tagline: market.tagline } : {}),
    ...(billing ? { billing } : {}),
    ...(() => {
      const date = market.date ?? marketDate(market.code, campaign.releaseDate);
      return date ? { date } : {};
    })(),
    titleFont: kit?.titleFont ?? base?.titleFont,
    textFont: kit?.textFont ?? base?.textFont,
    billingFont: kit?.billingFont ?? base?.billingFont,
    titleSize: kit?.titleSize ?? base?.titleSize,
    letterSpacing: kit?.letterSpacing ?? base?.letterSpacing,
    ...(base?.titleY !== undefined ? { titleY: base.titleY } : {}),
    scrim: base?.scrim,
    ...((kit?.titleColor ?? base?.titleColor) ? { titleColor: kit?.titleColor ?? base?.titleColor } : {}),
    ...(base?.textColor ? { textColor: base.textColor } : {}),
  };
}

export type MarketDesign = { ok: true; design: Design } | { ok: false; fields: Record<string, string> };

/** The market's design, validated as the editor's saves are: field messages when it can't be set (too long a
 * billing block for the design's limits, say), keyed by the design's field. */
export function marketDesign(campaign: CampaignFacts, market: Market, base: Design | undefined): MarketDesign {
  const parsed = designSchema.safeParse(marketDesignInput(campaign, market, base));
  if (parsed.success) return { ok: true, design: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "design")] ??= issue.message;
  return { ok: false, fields };
}

/** What a locked kit field holds a design to; `expected` is the market's (or the key art's) design under the kit. */
function breaks(field: LockableField, kit: BrandKit, expected: Design, design: Design): boolean {
  switch (field) {
    case "titleSize":
      // Scaling the title on the canvas changes its size as surely as the slider does.
      return design.titleSize !== kit.titleSize || (design.layers?.title?.scale ?? 1) !== 1;
    case "titleFont":
    case "textFont":
    case "billingFont":
    case "letterSpacing":
      return design[field] !== kit[field];
    case "titleColor":
      return kit.titleColor !== undefined && design.titleColor?.toLowerCase() !== kit.titleColor.toLowerCase();
    case "logo":
      return (expected.logo ?? undefined) !== (design.logo ?? undefined);
    case "palette": {
      const palette = new Set(kit.palette.map((c) => c.toLowerCase()));
      if (palette.size === 0) return false;
      return [design.titleColor, design.textColor].some((c) => c !== undefined && !palette.has(c.toLowerCase()));
    }
    case "credits":
    case "legalLine":
      return (expected.billing ?? "") !== (design.billing ?? "");
  }
}

/** The locked fields a design changes, in the kit's order. */
export function lockedChanges(kit: BrandKit, expected: Design, design: Design): LockableField[] {
  return kit.locked.filter((field) => breaks(field, kit, expected, design));
}

/** The key art's design under the kit: its own words, the kit's faces, sizes, colours and credits. */
export function keyArtDesignUnderKit(kit: BrandKit, design: Design): Design {
  const billing = kit.credits.length || kit.legalLine ? billingOf(kit.credits, kit.legalLine) : design.billing;
  return {
    ...design,
    titleFont: kit.titleFont,
    textFont: kit.textFont,
    billingFont: kit.billingFont,
    titleSize: kit.titleSize,
    letterSpacing: kit.letterSpacing,
    ...(kit.titleColor ? { titleColor: kit.titleColor } : {}),
    ...(kit.logo ? { logo: kit.logo } : {}),
    ...(billing ? { billing } : {}),
  };
}
