import "server-only";
import type { Design } from "../design/schema";
import { AppError } from "../errors";
import { getCampaign } from "../store/campaigns";
import type { PosterRecord } from "../store/posters";
import { keyArtDesignUnderKit, lockedChanges, marketDesign } from "./design";
import type { LockableField } from "./schema";

// What a campaign's brand kit holds a poster's design to: a design saved on the campaign's key art, placement art
// or a market's deliverable may not change a field the kit locks (409 brand_locked, naming the field). Posters
// outside a campaign, or in one without locks, are free as before.

/** What the kit's fields are called in a sentence. */
export const LOCK_LABELS: Record<LockableField, string> = {
  titleFont: "title font",
  titleSize: "title size",
  letterSpacing: "letter spacing",
  titleColor: "title colour",
  logo: "title logo",
  textFont: "text font",
  billingFont: "billing font",
  palette: "palette",
  credits: "credits",
  legalLine: "legal line",
};

/** The kit's locks on this poster: the campaign's name and its locked fields (none outside a campaign). */
export async function brandLocksOf(
  record: PosterRecord,
): Promise<{ campaign: string; fields: LockableField[] } | undefined> {
  if (!record.campaign) return undefined;
  const campaign = await getCampaign(record.campaign.id);
  if (!campaign?.kit?.locked.length) return undefined;
  return { campaign: campaign.name, fields: campaign.kit.locked };
}

export async function assertBrandAllows(record: PosterRecord, design: Design): Promise<void> {
  if (!record.campaign) return;
  const campaign = await getCampaign(record.campaign.id);
  const kit = campaign?.kit;
  if (!campaign || !kit?.locked.length) return;
  const market = record.campaign.market ? campaign.markets.find((m) => m.code === record.campaign?.market) : undefined;
  const underKit = market ? marketDesign(campaign, market, design) : undefined;
  const expected = underKit?.ok ? underKit.design : keyArtDesignUnderKit(kit, design);
  const broken = lockedChanges(kit, expected, design);
  if (broken.length === 0) return;
  const names = broken.map((f) => LOCK_LABELS[f]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
  const message = `The ${campaign.name} brand kit locks the ${list}: change ${broken.length > 1 ? "them" : "it"} in the campaign's kit, not in one poster.`;
  const fields = Object.fromEntries(broken.map((f) => [f, `Locked by the ${campaign.name} brand kit.`]));
  throw new AppError("brand_locked", { message, fields });
}
