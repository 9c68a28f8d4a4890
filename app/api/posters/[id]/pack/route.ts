import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { recentPacks } from "@/lib/jobs/view";
import { loadKeyArt, planView } from "@/lib/pack/plan";
import { packRequestSchema } from "@/lib/pack/request";
import { startPack } from "@/lib/pack/start";
import type { PackPlanView, PackQueued } from "@/lib/pack/types";

type Context = { params: Promise<{ id: string }> };

/** The placements this key art can become: per placement a crop (free) or a Reframe, how a screen placement
 * reaches its pixels, the print ppi (its price), or why not; and this poster's latest packs. */
export const GET = handle<Context>(async (_request, context) => {
  const { id } = await context.params;
  const view: PackPlanView = { ...planView(await loadKeyArt(id)), recent: await recentPacks(id) };
  return Response.json(view);
});

/** `{formats: [placement ids…], boardId?}` → 202 `{jobId, statusUrl, status, price}`: the pack is a job; poll the
 * status URL for each format's poster, what failed, what was charged and the ZIP. */
export const POST = handle<Context>(async (request, context, member) => {
  const body = parseWith(packRequestSchema, await readJsonObject(request));
  const queued = await startPack((await context.params).id, body, member);
  return Response.json(queued satisfies PackQueued, { status: 202, headers: { location: queued.statusUrl } });
});

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
