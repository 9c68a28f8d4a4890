import { pathErrors } from "@/lib/campaigns/request-errors";
import { marketsSchema } from "@/lib/campaigns/schema";
import { findCampaignView, putMarkets } from "@/lib/campaigns/service";
import { AppError } from "@/lib/errors";
import { handle, methodNotAllowed, readJson } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

export const GET = handle<Context>(async (_request, context) => {
  return Response.json({ markets: (await findCampaignView((await context.params).id)).markets });
});

/** The whole list of markets `[{code, title, tagline?, date?, credits?, rating?, placements?}]` → 200 the campaign.
 * Field messages are keyed by row ("2.title"); nothing is saved when any market is wrong. */
export const PUT = handle<Context>(async (request, context, member) => {
  const parsed = marketsSchema.safeParse(await readJson(request));
  if (!parsed.success) throw new AppError("invalid_input", { fields: pathErrors(parsed.error.issues) });
  return Response.json(await putMarkets((await context.params).id, parsed.data, member));
});

export { methodNotAllowed as POST, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
