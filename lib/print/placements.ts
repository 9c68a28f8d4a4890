import { centredMargins } from "../models/aspect-ratios";
import { nonEmpty } from "../tuples";
import { effectivePpi as masterPpi } from "./resolution";

// The placements a campaign ships, as data: one key art becomes each of them (lib/pack/). A placement has a shape
// (width:height), the pixels a web or social placement is delivered at, and the real print size where it is printed,
// so the pack's manifest can say the art's effective ppi there. Pure: the browser shows the same list.

export interface Placement {
  id: string;
  label: string;
  /** What it is used for, in a few words. */
  use: string;
  /** The shape, as shown ("2:1"); `w`/`h` are its exact proportions. */
  ratio: string;
  w: number;
  h: number;
  /** Printed size in inches, when it is printed. */
  printIn?: { width: number; height: number };
  /** The ppi at its printed size from which it looks sharp where people see it: the farther away it is seen, the
   * fewer it needs (the eye resolves about 1 arc-minute; large-format printers ask ~150 ppi for a poster seen at
   * arm's length, 50–100 for a lobby standee seen across a room, 25–50 for a billboard seen from the road).
   * Absent: MIN_PRINT_PPI, the close-up rule. */
  sharpPpi?: number;
  /** The pixels a screen placement is delivered at. */
  targetPx?: { width: number; height: number };
}

export const PLACEMENTS = [
  {
    id: "one-sheet",
    label: "One-sheet",
    use: "US theatrical poster, 27×40 in",
    ratio: "27:40",
    w: 27,
    h: 40,
    printIn: { width: 27, height: 40 },
  },
  {
    // UK 48-sheet: 6,096 × 3,048 mm, i.e. 20 × 10 ft.
    id: "billboard-48-sheet",
    label: "Billboard (48-sheet)",
    use: "Roadside billboard, 20×10 ft",
    ratio: "2:1",
    w: 2,
    h: 1,
    printIn: { width: 240, height: 120 },
    sharpPpi: 30,
  },
  {
    id: "widescreen",
    label: "Widescreen",
    use: "Trailer card, YouTube, TV, 1920×1080",
    ratio: "16:9",
    w: 16,
    h: 9,
    targetPx: { width: 1920, height: 1080 },
  },
  {
    id: "cinemascope",
    label: "Cinemascope",
    use: "Cinema screen slide, 2520×1080",
    ratio: "21:9",
    w: 21,
    h: 9,
    targetPx: { width: 2520, height: 1080 },
  },
  {
    // The card is printed at 14×11 in: its own 14:11, not 3:2, or the printer would have to crop it again.
    id: "lobby-card",
    label: "Lobby card",
    use: "Lobby still, 14×11 in landscape",
    ratio: "14:11",
    w: 14,
    h: 11,
    printIn: { width: 14, height: 11 },
  },
  {
    id: "story",
    label: "Story",
    use: "Instagram/TikTok story, 1080×1920",
    ratio: "9:16",
    w: 9,
    h: 16,
    targetPx: { width: 1080, height: 1920 },
  },
  {
    id: "feed",
    label: "Feed post",
    use: "Social feed portrait, 1080×1350",
    ratio: "4:5",
    w: 4,
    h: 5,
    targetPx: { width: 1080, height: 1350 },
  },
  {
    id: "square",
    label: "Square",
    use: "Square post, 1080×1080",
    ratio: "1:1",
    w: 1,
    h: 1,
    targetPx: { width: 1080, height: 1080 },
  },
  {
    // A roll-up lobby standee, 3 × 7 ft.
    id: "standee",
    label: "Standee",
    use: "Lobby standee, 36×84 in",
    ratio: "9:21",
    w: 9,
    h: 21,
    printIn: { width: 36, height: 84 },
    sharpPpi: 75,
  },
  {
    id: "banner-970x250",
    label: "Web billboard banner",
    use: "IAB billboard, 970×250",
    ratio: "3.9:1",
    w: 970,
    h: 250,
    targetPx: { width: 970, height: 250 },
  },
  {
    id: "banner-300x250",
    label: "Medium rectangle",
    use: "IAB medium rectangle, 300×250",
    ratio: "6:5",
    w: 300,
    h: 250,
    targetPx: { width: 300, height: 250 },
  },
  {
    id: "banner-728x90",
    label: "Leaderboard banner",
    use: "IAB leaderboard, 728×90",
    ratio: "8.1:1",
    w: 728,
    h: 90,
    targetPx: { width: 728, height: 90 },
  },
  {
    // The UK's cinema poster: a quad crown, 30×40 in, landscape.
    id: "quad",
    label: "UK quad",
    use: "UK cinema poster, 40×30 in landscape",
    ratio: "4:3",
    w: 40,
    h: 30,
    printIn: { width: 40, height: 30 },
  },
  {
    // France's "grande", 120×160 cm (47.24×62.99 in).
    id: "grande",
    label: "Grande (France)",
    use: "French cinema poster, 120×160 cm",
    ratio: "3:4",
    w: 120,
    h: 160,
    printIn: { width: 47.24, height: 62.99 },
    sharpPpi: 100,
  },
  {
    // Germany's cinema poster: DIN A1, 594×841 mm (23.39×33.11 in).
    id: "din-a1",
    label: "DIN A1 (Germany)",
    use: "German cinema poster, 59.4×84.1 cm",
    ratio: "1:√2",
    w: 594,
    h: 841,
    printIn: { width: 23.39, height: 33.11 },
  },
  {
    // Spain's and Latin America's cinema poster, 70×100 cm (27.56×39.37 in).
    id: "cartel-70x100",
    label: "Cartel 70×100",
    use: "Spanish and Latin American poster, 70×100 cm",
    ratio: "7:10",
    w: 70,
    h: 100,
    printIn: { width: 27.56, height: 39.37 },
  },
  {
    // Italy's "due fogli", 100×140 cm (39.37×55.12 in).
    id: "due-fogli",
    label: "Due fogli (Italy)",
    use: "Italian cinema poster, 100×140 cm",
    ratio: "5:7",
    w: 100,
    h: 140,
    printIn: { width: 39.37, height: 55.12 },
    sharpPpi: 100,
  },
] as const satisfies readonly Placement[];

export type PlacementId = (typeof PLACEMENTS)[number]["id"];
export const PLACEMENT_IDS = nonEmpty(
  PLACEMENTS.map((p) => p.id),
  "placements",
);

export function findPlacement(id: string): Placement | undefined {
  return PLACEMENTS.find((p) => p.id === id);
}

/** At most this share of the art may be cut away for a crop to do instead of a reframe (no model call, free). */
export const MAX_CROP_LOSS = 0.1;
/** Reframe (Outpaint) adds at most this many px on a side (lib/models/operations/reframe.ts). */
export const MAX_REFRAME_MARGIN = 2000;

export interface Size {
  width: number;
  height: number;
}

/** The largest centred box of the placement's shape inside the art: what a crop keeps. */
export function cropBox(art: Size, placement: Pick<Placement, "w" | "h">): Size & { left: number; top: number } {
  const target = placement.w / placement.h;
  const width = art.width / art.height > target ? Math.round(art.height * target) : art.width;
  const height = art.width / art.height > target ? art.height : Math.round(art.width / target);
  return { width, height, left: Math.floor((art.width - width) / 2), top: Math.floor((art.height - height) / 2) };
}

/** The margins that extend the art, centred, to exactly the placement's shape. */
export function reframeMargins(art: Size, placement: Pick<Placement, "w" | "h">) {
  return centredMargins(art, placement.w / placement.h);
}

export type PackMethod =
  | { kind: "crop"; lossPercent: number }
  | { kind: "reframe"; margins: ReturnType<typeof reframeMargins> }
  | { kind: "unavailable"; reason: string };

/** What Reframe accepts as its source (Outpaint's limits; it refuses rather than downsizes). */
export interface ReframeSourceLimits {
  maxPixels: number;
  maxAspect: number;
}

/** How the art becomes a placement: a crop when little is lost, else Reframe; some shapes are out of reach. */
export function packMethod(art: Size, placement: Placement, limits?: ReframeSourceLimits): PackMethod {
  const box = cropBox(art, placement);
  const loss = 1 - (box.width * box.height) / (art.width * art.height);
  if (loss <= MAX_CROP_LOSS) return { kind: "crop", lossPercent: Math.round(loss * 1000) / 10 };
  const long = Math.max(art.width, art.height) / Math.min(art.width, art.height);
  if (limits && (art.width * art.height > limits.maxPixels || long > limits.maxAspect)) {
    return {
      kind: "unavailable",
      reason: "This art is too large or too long for Reframe: only a crop-size shape is possible.",
    };
  }
  const margins = reframeMargins(art, placement);
  if (Object.values(margins).some((m) => m > MAX_REFRAME_MARGIN)) {
    return {
      kind: "unavailable",
      reason: `${placement.ratio} is too far from this art's shape: Reframe adds at most ${MAX_REFRAME_MARGIN} px a side.`,
    };
  }
  return { kind: "reframe", margins };
}

/** Pixels per inch of a picture printed at the placement's size (the lower of the two sides), if it is printed. */
export function effectivePpi(size: Size, placement: Placement): number | undefined {
  if (!placement.printIn) return undefined;
  // The same measure as a print master's, on the placement's trim (no bleed: a delivered file, not a master).
  const trim = { label: placement.label, widthIn: placement.printIn.width, heightIn: placement.printIn.height };
  return masterPpi(size, { ...trim, bleedIn: 0, safeIn: 0 });
}
