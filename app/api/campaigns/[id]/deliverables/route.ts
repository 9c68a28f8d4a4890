import { startDeliverables } from "@/lib/campaigns/deliverables/start";
import { deliverablesView } from "@/lib/campaigns/deliverables/view";
import { deliverablesRequestSchema } from "@/lib/campaigns/schema";
import type { DeliverablesQueued } from "@/lib/campaigns/types";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

/** The matrix: `{cells: [{market, placement, status, posterId?, error?, outOfDate?}], totals, spent}`. */
export const GET = handle<Context>(async (_request, context) => {
  return Response.json(await deliverablesView((await context.params).id));
});

/** `{keyArt, markets?, placements?}` → 202 `{jobId, statusUrl, cells, upToDate, price, modelCalls}`: a job makes each
 * placement's art once and every market's version of it; cells already made from the same inputs are left. */
export const POST = handle<Context>(async (request, context, member) => {
  const body = parseWith(deliverablesRequestSchema, await readJsonObject(request));
  const queued = await startDeliverables((await context.params).id, body, member);
  return Response.json(queued satisfies DeliverablesQueued, { status: 202, headers: { location: queued.statusUrl } });
});

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
