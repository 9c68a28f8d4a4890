import { brandKitSchema } from "@/lib/campaigns/schema";
import { findCampaignView, putBrandKit } from "@/lib/campaigns/service";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

/** The campaign's brand kit (null until set). */
export const GET = handle<Context>(async (_request, context) => {
  return Response.json({ kit: (await findCampaignView((await context.params).id)).kit });
});

/** The whole kit → 200 `{kit, outOfDate}`: how many made deliverables read differently under it (a re-run of the
 * matrix makes them again). Refused (400, nothing saved) when a market can't be set in its faces. */
export const PUT = handle<Context>(async (request, context, member) => {
  const kit = parseWith(brandKitSchema, await readJsonObject(request));
  return Response.json(await putBrandKit((await context.params).id, kit, member));
});

export { methodNotAllowed as POST, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
