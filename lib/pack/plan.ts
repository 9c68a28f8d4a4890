import "server-only";
import * as z from "zod/mini";
import { AppError } from "../errors";
import { findOperation } from "../models";
import {
  findPlacement,
  type PackMethod,
  PLACEMENT_IDS,
  PLACEMENTS,
  type Placement,
  packMethod,
} from "../print/placements";
import { RANDOM_ID } from "../store/items";
import { getPoster, type PosterRecord } from "../store/posters";
import type { PackPlanView } from "./types";

// What a format pack of one key art would be, before any money moves: per placement, a crop (free) or a Reframe
// (the catalogue's price of the service it invokes), or why that shape is out of reach of this art.

export interface PackEntry {
  placement: Placement;
  method: PackMethod;
  /** USD: Reframe's catalogue price, 0 for a crop. */
  price: number;
}

export const MAX_PACK_FORMATS = PLACEMENTS.length;
/** Reframes run three at a time (about 12 s each on Bedrock): six is two rounds, well inside the 60 s request. */
export const MAX_PACK_REFRAMES = 6;

export const packRequestSchema = z.strictObject({
  formats: z
    .array(z.string({ error: "Each format is a placement id." }))
    .check(
      z.minLength(1, `Pick at least one format: ${PLACEMENT_IDS.join(", ")}.`),
      z.maxLength(MAX_PACK_FORMATS, `At most ${MAX_PACK_FORMATS} formats.`),
    ),
  boardId: z.optional(z.string({ error: "boardId names one of the team's boards." })),
});

export function reframeService() {
  const service = findOperation("reframe")?.services[0];
  if (!service) throw new AppError("internal", { cause: new Error("no reframe service in the catalogue") });
  return service;
}

export async function loadKeyArt(id: string): Promise<PosterRecord> {
  const record = RANDOM_ID.test(id) ? await getPoster(id) : undefined;
  if (!record) throw new AppError("not_found");
  return record;
}

/** Every placement for this art (for the picker), in the list's order. */
type Art = Pick<PosterRecord, "width" | "height" | "design">;

export function planAll(art: Art): PackEntry[] {
  const service = reframeService();
  return PLACEMENTS.map((placement) => {
    const method = packMethod(art, placement, service.limits);
    return { placement, method, price: method.kind === "reframe" ? service.price : 0 };
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
  const chosen = [...new Set(formats)].map((f) => all.find((e) => e.placement.id === f) as PackEntry);
  const out = chosen.filter((e) => e.method.kind === "unavailable");
  if (out.length > 0) {
    const message = out.map((e) => (e.method.kind === "unavailable" ? e.method.reason : "")).join(" ");
    throw new AppError("invalid_input", { message, fields: { formats: message } });
  }
  const reframes = chosen.filter((e) => e.method.kind === "reframe").length;
  if (reframes > MAX_PACK_REFRAMES) {
    const message = `A pack makes at most ${MAX_PACK_REFRAMES} reframes (this one needs ${reframes}): make the rest in a second pack.`;
    throw new AppError("invalid_input", { message, fields: { formats: message } });
  }
  return chosen;
}

/** The picker's view of every placement for this art. */
export function planView(art: Art): PackPlanView {
  const formats = planAll(art).map(({ placement, method, price }) => ({
    ...placement,
    method: method.kind,
    ...(method.kind === "crop" ? { lossPercent: method.lossPercent } : {}),
    ...(method.kind === "unavailable" ? { reason: method.reason } : {}),
    price,
  }));
  return {
    art: { width: art.width, height: art.height, designed: Boolean(art.design) },
    maxReframes: MAX_PACK_REFRAMES,
    formats,
  };
}
