import "server-only";
import { AppError } from "../../errors";
import type { PackEntry } from "../../pack/plan";
import { planAll } from "../../pack/plan";
import type { PlacementId } from "../../print/placements";
import {
  type ArtRecord,
  type CampaignRecord,
  type CellRecord,
  campaignArts,
  campaignCells,
  type Market,
} from "../../store/campaigns";
import { getPosters, type PosterRecord } from "../../store/posters";
import { marketDesign } from "../design";
import { MAX_MARKETS, MAX_PLACEMENTS } from "../schema";
import { digestOf } from "./digest";

// What a run of the matrix makes, before any money moves: for each placement the key art's art for it (a crop, or
// a Reframe: the only model calls, made once and shared by every market), and for each market × placement a cell
// whose content digest says whether it is made already from the same inputs (then it is left as it is).

/** Bumped when the renderer or the cell's recipe changes in a way that should make every cell again. */
const CELL_RECIPE = 1;

export const MAX_CELLS = MAX_MARKETS * MAX_PLACEMENTS;

/** How the placement's art is made from this key art (its method and delivery): the same digest, the same art. */
export const artHash = (keyArt: Pick<PosterRecord, "id" | "width" | "height">, entry: PackEntry) =>
  digestOf({
    keyArt: keyArt.id,
    size: [keyArt.width, keyArt.height],
    placement: entry.placement.id,
    method: entry.method,
    deliver: entry.deliver ?? null,
  });

/** Everything a cell is made from: the placement's art and the market's design under the kit. */
export function cellHash(art: string, design: unknown) {
  return digestOf({ recipe: CELL_RECIPE, art, design });
}

export interface PlannedArt {
  placement: PlacementId;
  entry: PackEntry;
  hash: string;
  /** Made already (same key art, same method): shared, not paid for again. */
  made?: ArtRecord;
}

export interface PlannedCell {
  market: string;
  placement: PlacementId;
  hash: string;
}

export interface RunPlan {
  arts: PlannedArt[];
  /** The cells this run makes. */
  cells: PlannedCell[];
  /** Cells asked for that are made already from the same inputs. */
  upToDate: number;
  /** What the new art costs (Reframes, and Fast Upscale for small screen placements). */
  cents: number;
  modelCalls: number;
}

/** Each cell a run of these markets × placements would hold, with the placements each market ships (or `only`). */
export function cellsAsked(markets: readonly Market[], only: readonly PlacementId[] | undefined) {
  return markets.flatMap((m) => [...new Set(only ?? m.placements)].map((placement) => ({ market: m, placement })));
}

export function planRun(
  campaign: CampaignRecord,
  keyArt: PosterRecord,
  asked: readonly { market: Market; placement: PlacementId }[],
  existing: { cells: readonly CellRecord[]; arts: readonly ArtRecord[] },
): RunPlan {
  if (asked.length > MAX_CELLS) {
    throw new AppError("matrix_too_large", {
      message: `That is ${asked.length} deliverables: one run makes at most ${MAX_CELLS} (${MAX_MARKETS} markets × ${MAX_PLACEMENTS} placements). Pick fewer markets or placements.`,
    });
  }
  const entries = new Map(planAll(keyArt).map((e) => [e.placement.id, e]));
  const placements = [...new Set(asked.map((a) => a.placement))];
  const out = placements.flatMap((p) => {
    const entry = entries.get(p);
    return entry?.method.kind === "unavailable" ? [`${entry.placement.label}: ${entry.method.reason}`] : [];
  });
  if (out.length)
    throw new AppError("invalid_input", { message: out.join(" "), fields: { placements: out.join(" ") } });

  const madeArt = new Map(existing.arts.filter((a) => a.keyArtId === keyArt.id).map((a) => [a.placement, a]));
  const arts = placements.flatMap((placement): PlannedArt[] => {
    const entry = entries.get(placement);
    if (!entry) return [];
    const hash = artHash(keyArt, entry);
    const made = madeArt.get(placement);
    return [{ placement, entry, hash, ...(made?.hash === hash ? { made } : {}) }];
  });
  const artOf = new Map(arts.map((a) => [a.placement, a]));
  const current = new Map(existing.cells.map((c) => [`${c.market}|${c.placement}`, c]));
  const designs = new Map<string, unknown>();
  const cells: PlannedCell[] = [];
  let upToDate = 0;
  for (const { market, placement } of asked) {
    const art = artOf.get(placement);
    if (!art) continue;
    if (!designs.has(market.code)) {
      const made = marketDesign(campaign, market, keyArt.design);
      if (!made.ok) {
        const message = `${market.code}: ${Object.values(made.fields).join(" ")}`;
        throw new AppError("invalid_input", { message, fields: { markets: message } });
      }
      designs.set(market.code, made.design);
    }
    const hash = cellHash(art.hash, designs.get(market.code));
    const cell = current.get(`${market.code}|${placement}`);
    if (cell?.status === "done" && cell.hash === hash && cell.keyArtId === keyArt.id && cell.posterId) upToDate++;
    else cells.push({ market: market.code, placement, hash });
  }
  // Only placements some cell still needs get art made (or paid for).
  const needed = new Set(cells.map((c) => c.placement));
  const toMake = arts.filter((a) => needed.has(a.placement) && !a.made);
  return {
    arts: arts.filter((a) => needed.has(a.placement)),
    cells,
    upToDate,
    cents: toMake.reduce((sum, a) => sum + a.entry.cents, 0),
    modelCalls: toMake.reduce(
      (n, a) => n + (a.entry.method.kind === "reframe" ? 1 : 0) + (a.entry.deliver?.upscale ? 1 : 0),
      0,
    ),
  };
}

/** How many made cells read differently now (a kit or market change since): a re-run makes them again. */
export async function outOfDateCells(campaign: CampaignRecord): Promise<Set<string>> {
  const [cells, arts] = await Promise.all([campaignCells(campaign.id), campaignArts(campaign.id)]);
  const done = cells.filter((c) => c.status === "done" && c.hash);
  const keyArts = new Map((await getPosters([...new Set(done.map((c) => c.keyArtId))])).map((p) => [p.id, p]));
  const markets = new Map(campaign.markets.map((m) => [m.code, m]));
  const stale = new Set<string>();
  for (const cell of done) {
    const keyArt = keyArts.get(cell.keyArtId);
    const market = markets.get(cell.market);
    const art = arts.find((a) => a.keyArtId === cell.keyArtId && a.placement === cell.placement);
    if (!keyArt || !market || !art) continue;
    const made = marketDesign(campaign, market, keyArt.design);
    if (!made.ok || cellHash(art.hash, made.design) !== cell.hash) stale.add(`${cell.market}|${cell.placement}`);
  }
  return stale;
}

export const outOfDateCount = async (campaign: CampaignRecord) => (await outOfDateCells(campaign)).size;
