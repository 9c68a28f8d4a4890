import "server-only";
import { unsettableFields } from "../design/render";
import { AppError, type FieldErrors } from "../errors";
import type { Member } from "../identity";
import { isId, newId } from "../ids";
import { toUsd } from "../money";
import type { Actor } from "../permissions";
import { mayChange } from "../permissions";
import { signPosterFile } from "../posters/files";
import { toPosterSummary } from "../posters/view";
import type { PlacementId } from "../print/placements";
import type { CampaignRecord, Market } from "../store/campaigns";
import * as store from "../store/campaigns";
import { getPoster, getPosters, setPosterCampaign } from "../store/posters";
import { outOfDateCount } from "./deliverables/plan";
import { marketDesign } from "./design";
import { missingLogos, signCampaignLogos } from "./logo";
import { DEFAULT_CAMPAIGN_PLACEMENTS, defaultPlacements } from "./markets";
import type { BrandKit, CampaignCreate, CampaignUpdate, MarketRequest } from "./schema";
import { MAX_KEY_ART, unsupportedScripts } from "./schema";
import type { CampaignSummary, CampaignView, KitSaved } from "./types";

// Campaigns as the app shows and changes them. Anyone on the team sees every campaign; only its maker (or an admin)
// changes its kit, markets, placements and key art, or deletes it. Every change is read → change → write from the
// version read; a write that finds the campaign changed meanwhile is tried again on the fresh copy (a change is a
// whole field — the kit, the markets — so applying it again is what the person asked for).

export async function loadCampaign(id: string): Promise<CampaignRecord> {
  const campaign = isId(id) ? await store.getCampaign(id) : undefined;
  if (!campaign) throw new AppError("campaign_not_found");
  return campaign;
}

function assertMayChange(member: Actor, campaign: CampaignRecord) {
  if (!mayChange(member, campaign.createdBy)) throw new AppError("forbidden");
}

/** Applies `change` to the campaign as it is now and writes it, again on a fresh copy if it changed meanwhile. */
async function mutate(
  id: string,
  member: Actor,
  change: (campaign: CampaignRecord) => Promise<CampaignRecord> | CampaignRecord,
): Promise<CampaignRecord> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const current = await loadCampaign(id);
    assertMayChange(member, current);
    const next = await change(structuredClone(current));
    const written = { ...next, version: current.version + 1, updatedAt: new Date().toISOString() };
    if (await store.replaceCampaign(written, current.version)) return written;
  }
  throw new AppError("conflict", { message: "This campaign is being changed by someone else right now: try again." });
}

async function summaryOf(campaign: CampaignRecord): Promise<CampaignSummary> {
  const cover = campaign.keyArtIds[0] ? await getPoster(campaign.keyArtIds[0]) : undefined;
  return {
    id: campaign.id,
    name: campaign.name,
    title: campaign.title,
    ...(campaign.releaseDate ? { releaseDate: campaign.releaseDate } : {}),
    createdBy: campaign.createdBy,
    ...(campaign.createdByName ? { createdByName: campaign.createdByName } : {}),
    createdAt: campaign.createdAt,
    updatedAt: campaign.updatedAt,
    marketCount: campaign.markets.length,
    keyArtCount: campaign.keyArtIds.length,
    coverUrl: cover ? (await signPosterFile(cover, "thumbnail")).url : null,
  };
}

export async function toCampaignView(campaign: CampaignRecord): Promise<CampaignView> {
  const [summary, keyArt, arts, logoUrls] = await Promise.all([
    summaryOf(campaign),
    getPosters(campaign.keyArtIds),
    store.campaignArts(campaign.id),
    signCampaignLogos(campaign),
  ]);
  return {
    ...summary,
    version: campaign.version,
    kit: campaign.kit ?? null,
    markets: campaign.markets,
    placements: campaign.placements,
    keyArt: await Promise.all(keyArt.map((p) => toPosterSummary(p))),
    logoUrls,
    spent: toUsd(arts.reduce((sum, a) => sum + a.cents, 0)),
  };
}

export async function findCampaignView(id: string): Promise<CampaignView> {
  return toCampaignView(await loadCampaign(id));
}

export async function listCampaignSummaries(options: { limit: number; cursor?: string }) {
  const page = await store.listCampaigns(options);
  return { campaigns: await Promise.all(page.campaigns.map(summaryOf)), nextCursor: page.nextCursor };
}

export async function createCampaign(request: CampaignCreate, member: Member): Promise<CampaignView> {
  const now = new Date().toISOString();
  const campaign: CampaignRecord = {
    id: newId(),
    name: request.name,
    title: request.title,
    ...(request.releaseDate ? { releaseDate: request.releaseDate } : {}),
    createdBy: member.sub,
    createdByName: member.name,
    createdAt: now,
    updatedAt: now,
    version: 0,
    markets: [],
    placements: [...DEFAULT_CAMPAIGN_PLACEMENTS],
    keyArtIds: [],
  };
  await store.putNewCampaign(campaign);
  return toCampaignView(campaign);
}

export async function updateCampaign(id: string, change: CampaignUpdate, member: Actor): Promise<CampaignView> {
  const campaign = await mutate(id, member, (c) => {
    const { releaseDate, ...rest } = c;
    const date = change.releaseDate === undefined ? releaseDate : (change.releaseDate ?? undefined);
    return {
      ...rest,
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.title !== undefined ? { title: change.title } : {}),
      ...(change.placements !== undefined ? { placements: [...new Set(change.placements)] } : {}),
      ...(date ? { releaseDate: date } : {}),
    };
  });
  return toCampaignView(campaign);
}

/** Drops the campaign, its kit, markets and matrix records; the posters stay in the gallery (unmarked). */
export async function removeCampaign(id: string, member: Actor): Promise<void> {
  const campaign = await loadCampaign(id);
  assertMayChange(member, campaign);
  await store.deleteCampaignItems(id);
  // Key art is free to join another campaign; a cell keeps its mark (it was made for this one) but no lock holds it.
  await Promise.all(campaign.keyArtIds.map((posterId) => setPosterCampaign(posterId, undefined, id)));
}

// --- what a market can be set in -----------------------------------------------------------------------------

const TEXT_OF_MARKET = (m: MarketRequest | Market) =>
  [m.title, m.tagline, m.date, ...(m.credits ?? []).flatMap((c) => [c.role, ...c.names])].filter(Boolean).join(" ");

/** Which design field a market field's text ends up in, to name the market's field in a message. */
const MARKET_FIELD: Record<string, string> = {
  title: "title",
  tagline: "tagline",
  date: "date",
  billing: "credits",
  logo: "logo",
  aboveTitle: "title",
};

/** Every problem setting these markets under this kit: scripts this release can't set, text the kit's faces have
 * no glyphs for, billing too long for a poster — keyed `<index>.<field>` as the markets were sent. */
export async function marketProblems(
  campaign: Pick<CampaignRecord, "releaseDate"> & { kit?: BrandKit },
  markets: readonly Market[],
): Promise<FieldErrors> {
  const problems: FieldErrors = {};
  await Promise.all(
    markets.map(async (market, i) => {
      const scripts = unsupportedScripts(TEXT_OF_MARKET(market));
      if (scripts.length) {
        problems[`${i}.title`] =
          `${market.code}: ${scripts.join(" and ")} script can't be set yet (Latin, Greek and Cyrillic markets only, for now): it comes with right-to-left and CJK lettering.`;
        return;
      }
      const made = marketDesign(campaign, market, undefined);
      if (!made.ok) {
        for (const [field, message] of Object.entries(made.fields)) {
          problems[`${i}.${MARKET_FIELD[field] ?? field}`] ??= `${market.code}: ${message}`;
        }
        return;
      }
      const unsettable = await unsettableFields(made.design);
      for (const [field, message] of Object.entries(unsettable)) {
        problems[`${i}.${MARKET_FIELD[field] ?? field}`] ??= `${market.code}: ${message}`;
      }
    }),
  );
  return problems;
}

function refuse(problems: FieldErrors, what: string): void {
  if (Object.keys(problems).length === 0) return;
  const count = new Set(Object.keys(problems).map((k) => k.split(".")[0])).size;
  throw new AppError("invalid_input", {
    message: `${count} ${count === 1 ? "market" : "markets"} can't be set ${what}: see the highlighted fields. Nothing was saved.`,
    fields: problems,
  });
}

/** The markets as stored: their placements resolved (the campaign's defaults with their country's cinema poster). */
export const resolveMarkets = (markets: readonly MarketRequest[], placements: readonly PlacementId[]): Market[] =>
  markets.map((m) => ({
    ...m,
    placements: m.placements?.length ? [...new Set(m.placements)] : defaultPlacements(m.code, placements),
  }));

export async function putMarkets(id: string, markets: readonly MarketRequest[], member: Actor): Promise<CampaignView> {
  const campaign = await mutate(id, member, async (c) => {
    const resolved = resolveMarkets(markets, c.placements);
    refuse(
      { ...(await missingLogos(c.id, undefined, resolved)), ...(await marketProblems(c, resolved)) },
      "as they are",
    );
    return { ...c, markets: resolved };
  });
  return toCampaignView(campaign);
}

/** Adds markets (an import): each replaces the market of its code, others are kept. */
export async function mergeMarkets(
  id: string,
  markets: readonly MarketRequest[],
  member: Actor,
): Promise<CampaignRecord> {
  return mutate(id, member, async (c) => {
    const resolved = resolveMarkets(markets, c.placements);
    const byCode = new Map(c.markets.map((m) => [m.code, m]));
    for (const m of resolved) byCode.set(m.code, m);
    const merged = [...byCode.values()];
    refuse(await marketProblems(c, resolved), "as they are");
    return { ...c, markets: merged };
  });
}

export async function putBrandKit(id: string, kit: BrandKit, member: Actor): Promise<KitSaved> {
  const campaign = await mutate(id, member, async (c) => {
    const logo = await missingLogos(c.id, kit, []);
    if (logo.logo) throw new AppError("invalid_input", { fields: logo });
    refuse(await marketProblems({ ...c, kit }, c.markets), "with this kit's faces");
    return { ...c, kit };
  });
  return { kit, outOfDate: await outOfDateCount(campaign) };
}

// --- key art ---------------------------------------------------------------------------------------------------

export async function addKeyArt(id: string, posterId: string, member: Actor): Promise<CampaignView> {
  const poster = isId(posterId) ? await getPoster(posterId) : undefined;
  if (!poster) throw new AppError("not_found");
  if (poster.campaign && poster.campaign.id !== id) {
    throw new AppError("conflict", {
      message: "That poster already belongs to another campaign: make a version of it for this one.",
    });
  }
  const campaign = await mutate(id, member, (c) => {
    if (c.keyArtIds.includes(posterId)) return c;
    if (c.keyArtIds.length >= MAX_KEY_ART) {
      throw new AppError("invalid_input", {
        message: `A campaign has at most ${MAX_KEY_ART} key art posters: take one out first.`,
        fields: { posterId: `At most ${MAX_KEY_ART} key art posters.` },
      });
    }
    return { ...c, keyArtIds: [...c.keyArtIds, posterId] };
  });
  if (!(await setPosterCampaign(posterId, { id, role: "key-art" }, id))) {
    // Claimed by another campaign (or deleted) since it was read: take it back out, so nothing is half-added.
    await mutate(id, member, (c) => ({ ...c, keyArtIds: c.keyArtIds.filter((k) => k !== posterId) }));
    throw new AppError("conflict", { message: "That poster was just added to another campaign, or deleted." });
  }
  return toCampaignView(campaign);
}

export async function removeKeyArt(id: string, posterId: string, member: Actor): Promise<CampaignView> {
  const before = await loadCampaign(id);
  if (!before.keyArtIds.includes(posterId)) {
    throw new AppError("not_found", { message: "That poster isn't key art of this campaign." });
  }
  const campaign = await mutate(id, member, (c) => ({ ...c, keyArtIds: c.keyArtIds.filter((k) => k !== posterId) }));
  await setPosterCampaign(posterId, undefined, id);
  return toCampaignView(campaign);
}
