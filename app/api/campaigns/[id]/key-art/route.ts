import { keyArtAddSchema } from "@/lib/campaigns/schema";
import { addKeyArt } from "@/lib/campaigns/service";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

/** `{posterId}` → 200 the campaign, with the poster as one of its key art (teaser, payoff, character…). */
export const POST = handle<Context>(async (request, context, member) => {
  const { posterId } = parseWith(keyArtAddSchema, await readJsonObject(request));
  return Response.json(await addKeyArt((await context.params).id, posterId, member));
});

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
