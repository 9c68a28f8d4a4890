import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { makePack } from "@/lib/pack/make";
import { loadKeyArt, packRequestSchema, planAll } from "@/lib/pack/plan";

type Context = { params: Promise<{ id: string }> };

// Reframes run three at a time, each within the pipeline's own timeout: a pack of five takes about two of them.
export const maxDuration = 60;

/** The placements this key art can become: per placement a crop (free), a Reframe (its price) or why not. */
export const GET = handle<Context>(async (_request, context) => {
  const art = await loadKeyArt((await context.params).id);
  const formats = planAll(art).map(({ placement, method, price }) => ({
    ...placement,
    method: method.kind,
    ...(method.kind === "crop" ? { lossPercent: method.lossPercent } : {}),
    ...(method.kind === "unavailable" ? { reason: method.reason } : {}),
    price,
  }));
  return Response.json({ art: { width: art.width, height: art.height, designed: Boolean(art.design) }, formats });
});

/** `{formats: [placement ids…], boardId?}` → 201 `{posters, failed, charged, zipUrl, board?}`: each format its own
 * poster (a version of this one), the design re-laid for its shape; formats that failed are listed, not charged. */
export const POST = handle<Context>(async (request, context, member) => {
  const body = parseWith(packRequestSchema, await readJsonObject(request));
  const result = await makePack((await context.params).id, body, member, request.signal);
  return Response.json(result, { status: 201 });
});

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
