import { campaignUpdateSchema } from "@/lib/campaigns/schema";
import { findCampaignView, removeCampaign, updateCampaign } from "@/lib/campaigns/service";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

export const GET = handle<Context>(async (_request, context) => {
  return Response.json(await findCampaignView((await context.params).id));
});

/** `{name?, title?, releaseDate?, placements?}`. Its maker or an admin only (else 403). */
export const PATCH = handle<Context>(async (request, context, member) => {
  const change = parseWith(campaignUpdateSchema, await readJsonObject(request));
  return Response.json(await updateCampaign((await context.params).id, change, member));
});

/** Drops the campaign with its kit, markets and matrix; its posters stay in the gallery. Maker or admin only. */
export const DELETE = handle<Context>(async (_request, context, member) => {
  await removeCampaign((await context.params).id, member);
  return new Response(null, { status: 204 });
});

export { methodNotAllowed as POST, methodNotAllowed as PUT };
