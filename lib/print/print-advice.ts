import { fitWithin } from "../image-limits";
import { UPSCALE_MODES, type UpscaleMode, upscaledSize } from "../models/operations/upscale";
import { type Cents, formatCents } from "../money";
import { type Crop, coverCrop, cropWarning, effectivePpi, FULL_PRINT_PPI, MIN_PRINT_PPI } from "./resolution";
import { type PrintSize, sizeName } from "./sizes";

// What to tell people about art at a print size, before anyone pays for anything: the resolution it gives, what
// each upscaler would make of it — the catalogue's own rules, applied to the art a master would place: each mode's
// input limits (a larger source is shrunk to fit first, some can't take it at all), then its output size — and so
// which run, if any, is worth its price. Pure, so the print panel and the export say the same.

interface Size {
  width: number;
  height: number;
}

export type Reach = { mode: UpscaleMode; label: string; cents: Cents } & (
  | { fits: true; input: Size; output: Size; ppi: number }
  | { fits: false; reason: string }
);
export type FittingReach = Extract<Reach, { fits: true }>;

/** Less than this much sharper isn't worth a paid run: an upscale of an upscale, shrunk first to fit the service,
 *  mostly redoes what was done. */
export const MIN_GAIN = 1.1;

/** What each upscaler would make of `art` printed at `size`, in the catalogue's order. */
export function upscaleReach(art: Size, size: PrintSize): Reach[] {
  return UPSCALE_MODES.map(({ mode, label, service }) => {
    const base = { mode, label, cents: service.priceCents };
    const input = fitWithin(art.width, art.height, service.limits, "The art");
    if (!input.ok) return { ...base, fits: false, reason: input.message };
    const output = upscaledSize(mode, input);
    const ppi = effectivePpi(coverCrop(output.width, output.height, size), size);
    return { ...base, fits: true, input: { width: input.width, height: input.height }, output, ppi };
  });
}

export interface UpscaleAdvice {
  /** What the art gives now. */
  ppi: number;
  /** What the advice aims for: 150 ppi below it, 300 below that; null when the art is sharp enough. */
  target: number | null;
  reach: Reach[];
  /** Runs worth their price: sharper by MIN_GAIN at least, and no other as sharp for less. Sharpest first. */
  useful: FittingReach[];
  /** The cheapest useful run that reaches the target: the one to recommend. */
  recommended?: FittingReach;
}

export function upscaleAdvice(art: Size, size: PrintSize): UpscaleAdvice {
  const ppi = effectivePpi(coverCrop(art.width, art.height, size), size);
  const target = ppi < MIN_PRINT_PPI ? MIN_PRINT_PPI : ppi < FULL_PRINT_PPI ? FULL_PRINT_PPI : null;
  const reach = upscaleReach(art, size);
  const fitting = reach.filter((r): r is FittingReach => r.fits);
  const beaten = (r: FittingReach) =>
    fitting.some((o) => o !== r && o.ppi >= r.ppi && o.cents <= r.cents && (o.ppi > r.ppi || o.cents < r.cents));
  const useful = fitting.filter((r) => r.ppi >= ppi * MIN_GAIN && !beaten(r)).sort((a, b) => b.ppi - a.ppi);
  const recommended =
    target === null
      ? undefined
      : useful.filter((r) => r.ppi >= target).sort((a, b) => a.cents - b.cents || b.ppi - a.ppi)[0];
  return { ppi, target, reach, useful, recommended };
}

/** The sentence about resolution: what the art gives, and only advice that a run can follow. `upscaled`: the art,
 *  when it is already an upscale of the poster. */
export function resolutionWarning(advice: UpscaleAdvice, size: PrintSize, upscaled?: Size): string | undefined {
  const { ppi, target, recommended, useful } = advice;
  if (target === null) return undefined;
  const at = `${ppi} ppi at ${sizeName(size)}`;
  if (recommended) {
    const reaches = `${recommended.label} reaches ${recommended.ppi} ppi for ${formatCents(recommended.cents)}`;
    return target === MIN_PRINT_PPI
      ? `${at}: upscale the art for ≥ ${MIN_PRINT_PPI} ppi (${reaches}).`
      : `${at}: fine at a distance; upscale for ${FULL_PRINT_PPI} ppi close up (${reaches}).`;
  }
  const short = target === MIN_PRINT_PPI ? `: below ${MIN_PRINT_PPI} ppi, so it prints soft` : ": fine at a distance";
  const [closest] = useful;
  if (closest) {
    return `${at}${short}. No upscaler reaches ${target} ppi at this size; ${closest.label} comes closest: ${closest.ppi} ppi for ${formatCents(closest.cents)}.`;
  }
  return upscaled
    ? `${at}${short}. Already upscaled: best art is ${upscaled.width}×${upscaled.height}, and no upscaler makes it sharper at this size.`
    : `${at}${short}. No upscaler makes this art sharper at this size.`;
}

/** What a printer and a marketer should know before sending a master: resolution (with what an upscale would
 *  really give), and art cut away. `upscaled`: the art is already an upscale of the poster. */
export function printWarnings(art: Size, size: PrintSize, crop: Crop, upscaled = false): string[] {
  return [resolutionWarning(upscaleAdvice(art, size), size, upscaled ? art : undefined), cropWarning(art, crop)].filter(
    (w): w is string => w !== undefined,
  );
}
