import "server-only";
import { objectExists, putObject, signGet } from "../aws/s3";
import type { FieldErrors } from "../errors";
import { AppError } from "../errors";
import type { Member } from "../identity";
import { isId } from "../ids";
import { mayChange } from "../permissions";
import { checkLogo, newLogoName } from "../posters/logo";
import { campaignLogoKey } from "../storage";
import { type CampaignRecord, getCampaign, type Market } from "../store/campaigns";
import { readUpload } from "../uploads";
import type { BrandKit } from "./schema";

// A campaign's title logos (the kit's, or a market's own title treatment): checked as a poster's logo is, stored in
// the campaign's folder, named in the kit or the market, and copied beside each deliverable that uses one.

export async function attachCampaignLogo(campaignId: string, uploadId: string, member: Member) {
  const campaign = isId(campaignId) ? await getCampaign(campaignId) : undefined;
  if (!campaign) throw new AppError("campaign_not_found");
  if (!mayChange(member, campaign.createdBy)) throw new AppError("forbidden");
  const bytes = await readUpload(member, uploadId);
  const { width, height } = await checkLogo(bytes);
  const logo = newLogoName();
  await putObject(campaignLogoKey(campaign.id, logo), new Uint8Array(bytes), "image/png");
  // Signed here too, so the page shows the logo it just sent before the kit or the market naming it is saved.
  return { logo, width, height, url: (await signGet(campaignLogoKey(campaign.id, logo))).url };
}

/** Signed URLs of the logos the kit and the markets name, by name (each signed once, however many markets use it). */
export async function signCampaignLogos(campaign: Pick<CampaignRecord, "id" | "kit" | "markets">) {
  const names = new Set([campaign.kit?.logo, ...campaign.markets.map((m) => m.logo)].filter((l) => l !== undefined));
  const signed = await Promise.all(
    [...names].map(async (logo) => [logo, (await signGet(campaignLogoKey(campaign.id, logo))).url] as const),
  );
  return Object.fromEntries(signed);
}

const gone = "That logo isn't one of this campaign's: upload it again.";

/** Field messages for logos a kit or markets name that the campaign doesn't have. */
export async function missingLogos(campaignId: string, kit: BrandKit | undefined, markets: readonly Market[]) {
  const fields: FieldErrors = {};
  const check = async (logo: string | undefined, field: string) => {
    if (logo && !(await objectExists(campaignLogoKey(campaignId, logo)))) fields[field] = gone;
  };
  await Promise.all([check(kit?.logo, "logo"), ...markets.map((m, i) => check(m.logo, `${i}.logo`))]);
  return fields;
}
