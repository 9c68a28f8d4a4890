import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { makePack } from "@/lib/pack/make";
import { loadKeyArt, packRequestSchema, planView } from "@/lib/pack/plan";
import type { PackResult } from "@/lib/pack/types";

type Context = { params: Promise<{ id: string }> };

// Reframes run three at a time, each within the pipeline's own timeout: a pack of five takes about two of them.
export const maxDuration = 60;

/** The placements this key art can become: per placement a crop (free), a Reframe (its price) or why not. */
export const GET = handle<Context>(async (_request, context) => {
  return Response.json(planView(await loadKeyArt((await context.params).id)));
});

/** `{formats: [placement ids…], boardId?}` → 201 `{posters, failed, charged, zipUrl, board?}`: each format its own
 * poster (a version of this one), the design re-laid for its shape; formats that failed are listed, not charged. */
export const POST = handle<Context>(async (request, context, member) => {
  const body = parseWith(packRequestSchema, await readJsonObject(request));
  const result = await makePack((await context.params).id, body, member, request.signal);
  return Response.json(result satisfies PackResult, { status: 201 });
});

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
