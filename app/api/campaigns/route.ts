import { z } from "zod";
import { campaignCreateSchema } from "@/lib/campaigns/schema";
import { createCampaign, listCampaignSummaries } from "@/lib/campaigns/service";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";

const listQuery = z.strictObject({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** The team's campaigns, newest first: `{campaigns, nextCursor}`. */
export const GET = handle(async (request) => {
  const query = parseWith(listQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listCampaignSummaries(query));
});

/** `{name, title, releaseDate?}` → 201 the new campaign (no markets, no key art yet). */
export const POST = handle(async (request, _context, member) => {
  const body = parseWith(campaignCreateSchema, await readJsonObject(request));
  const campaign = await createCampaign(body, member);
  return Response.json(campaign, { status: 201, headers: { location: `/api/campaigns/${campaign.id}` } });
});

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
