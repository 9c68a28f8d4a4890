import type { PlacementId } from "../print/placements";

// Which placements a market ships when its row doesn't say: its country's cinema poster (a UK quad, a French
// grande…) and the campaign's digital placements. Pure: the campaign page shows the same defaults.

/** The placements a new campaign offers: the social and web set every market runs. */
export const DEFAULT_CAMPAIGN_PLACEMENTS: PlacementId[] = ["story", "feed", "square", "widescreen", "banner-300x250"];

const NATIONAL_POSTER: Record<string, PlacementId> = {
  GB: "quad",
  IE: "quad",
  FR: "grande",
  DE: "din-a1",
  AT: "din-a1",
  CH: "din-a1",
  ES: "cartel-70x100",
  MX: "cartel-70x100",
  AR: "cartel-70x100",
  CO: "cartel-70x100",
  CL: "cartel-70x100",
  PE: "cartel-70x100",
  IT: "due-fogli",
};

/** The country of a BCP 47 tag ("fr-FR" → "FR", "es-419" → undefined), via Intl so scripts and variants are read. */
export function regionOf(code: string): string | undefined {
  try {
    return new Intl.Locale(code).region;
  } catch {
    return undefined;
  }
}

/** The market's cinema poster: its country's, else the US one-sheet. */
export function nationalPoster(code: string): PlacementId {
  const region = regionOf(code);
  return (region && NATIONAL_POSTER[region]) || "one-sheet";
}

/** A market's placements when it names none: its cinema poster, then the campaign's. */
export function defaultPlacements(code: string, campaign: readonly PlacementId[]): PlacementId[] {
  return [...new Set([nationalPoster(code), ...campaign])];
}
