import "server-only";
import { AppError } from "../errors";
import { sizeWithin } from "../image-limits";
import { findOperation } from "../models";
import { upscaledSize, upscaleServiceFor } from "../models/operations/upscale";
import { type Cents, toUsd } from "../money";
import {
  cropBox,
  effectivePpi,
  findPlacement,
  type PackMethod,
  PLACEMENT_IDS,
  PLACEMENTS,
  type Placement,
  packMethod,
  type Size,
} from "../print/placements";
import { MIN_PRINT_PPI } from "../print/resolution";
import { loadPoster, type PosterRecord } from "../store/posters";
import type { PackPlanView } from "./types";

// What a format pack of one key art would be, before any money moves: per placement, a crop (free) or a Reframe
// (the catalogue's price of the service it invokes), or why that shape is out of reach of this art; and for a screen
// placement, how it reaches its delivery pixels exactly: scaled down, or first enlarged with the cheapest upscaler
// that gets there (Fast 4×), priced here too. The job (lib/pack/job.ts) follows this same plan.

export interface PackEntry {
  placement: Placement;
  method: PackMethod;
  /** The art for the placement's shape, before it is sized for delivery (px). */
  art: Size;
  /** A screen placement's delivery: exactly these pixels, through Fast Upscale first when the art is smaller. */
  deliver?: Size & { upscale?: "fast" };
  /** A printed placement: the art's pixels per inch at the print size. */
  effectivePpi?: number;
  /** What the model calls cost (Reframe, Upscale), 0 for a plain crop. */
  cents: Cents;
}

export function reframeService() {
  const service = findOperation("reframe")?.services[0];
  if (!service) throw new AppError("internal", { cause: new Error("no reframe service in the catalogue") });
  return service;
}

export const loadKeyArt = loadPoster;

type Art = Pick<PosterRecord, "width" | "height" | "design">;

/** The size of the placement's art: the crop's box, or the art grown by Reframe's margins. */
function artFor(art: Size, placement: Placement, method: PackMethod): Size {
  if (method.kind === "reframe") {
    const m = method.margins;
    return { width: art.width + m.left + m.right, height: art.height + m.up + m.down };
  }
  const box = cropBox(art, placement);
  return { width: box.width, height: box.height };
}

/** How a screen placement reaches its pixels: straight down, or via Fast Upscale (4× of what it accepts). */
function delivery(art: Size, target: Size): NonNullable<PackEntry["deliver"]> {
  if (art.width >= target.width && art.height >= target.height) return { ...target };
  const fast = upscaleServiceFor("fast");
  const input = sizeWithin(art.width, art.height, fast.limits);
  const out = upscaledSize("fast", input);
  // 4× of a source already shrunk to Fast's megapixel: more than any screen placement asks of a real key art.
  if (out.width < target.width || out.height < target.height) {
    throw new AppError("internal", { cause: new Error(`fast upscale can't reach ${target.width}×${target.height}`) });
  }
  return { ...target, upscale: "fast" };
}

export function planAll(art: Art): PackEntry[] {
  const service = reframeService();
  return PLACEMENTS.map((placement: Placement) => {
    const method = packMethod(art, placement, service.limits);
    if (method.kind === "unavailable") return { placement, method, art, cents: 0 };
    const size = artFor(art, placement, method);
    const deliver = placement.targetPx ? delivery(size, placement.targetPx) : undefined;
    const reframeCents = method.kind === "reframe" ? service.priceCents : 0;
    const upscaleCents = deliver?.upscale ? upscaleServiceFor(deliver.upscale).priceCents : 0;
    return {
      placement,
      method,
      art: size,
      ...(deliver ? { deliver } : {}),
      ...(placement.printIn ? { effectivePpi: effectivePpi(size, placement) } : {}),
      cents: reframeCents + upscaleCents,
    };
  });
}

/** The chosen placements, in the order asked (duplicates once); unknown or unreachable ones refuse the whole pack. */
export function planChosen(art: PosterRecord, formats: readonly string[]): PackEntry[] {
  const unknown = formats.filter((f) => !findPlacement(f));
  if (unknown.length > 0) {
    const message = `Unknown format${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}: choose from ${PLACEMENT_IDS.join(", ")}.`;
    throw new AppError("invalid_input", { message, fields: { formats: message } });
  }
  const all = planAll(art);
  const chosen = [...new Set(formats)].flatMap((f) => all.filter((e) => e.placement.id === f));
  const out = chosen.filter((e) => e.method.kind === "unavailable");
  if (out.length > 0) {
    const message = out.map((e) => (e.method.kind === "unavailable" ? e.method.reason : "")).join(" ");
    throw new AppError("invalid_input", { message, fields: { formats: message } });
  }
  return chosen;
}

/** What the whole pack costs. */
export const packCents = (entries: readonly PackEntry[]): Cents => entries.reduce((total, e) => total + e.cents, 0);

/** A printed placement's resolution, in words, when it is too low to look sharp where it is seen. */
export function ppiWarning(entry: Pick<PackEntry, "effectivePpi" | "placement">): string | undefined {
  const ppi = entry.effectivePpi;
  const print = entry.placement.printIn;
  const sharp = entry.placement.sharpPpi ?? MIN_PRINT_PPI;
  if (ppi === undefined || !print || ppi >= sharp) return undefined;
  return `${ppi} ppi at ${print.width}×${print.height} in: soft in print (${sharp} ppi or more looks sharp at this size and viewing distance). Upscale the key art first for a sharper print file.`;
}

/** The picker's view of every placement for this art. */
export function planView(art: Art): PackPlanView {
  const formats = planAll(art).map((entry) => {
    const { placement, method, cents, deliver } = entry;
    const warning = ppiWarning(entry);
    return {
      ...placement,
      method: method.kind,
      ...(method.kind === "crop" ? { lossPercent: method.lossPercent } : {}),
      ...(method.kind === "unavailable" ? { reason: method.reason } : {}),
      ...(method.kind !== "unavailable" ? { artPx: entry.art } : {}),
      ...(deliver ? { deliverPx: { width: deliver.width, height: deliver.height }, upscale: deliver.upscale } : {}),
      ...(entry.effectivePpi !== undefined ? { effectivePpi: entry.effectivePpi } : {}),
      ...(warning ? { ppiWarning: warning } : {}),
      price: toUsd(cents),
    };
  });
  return { art: { width: art.width, height: art.height, designed: Boolean(art.design) }, formats };
}
