import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { favoriteSchema } from "@/lib/models";
import { findPosterView, markFavorite, removePoster } from "@/lib/posters/service";

type Context = { params: Promise<{ id: string }> };

export const GET = handle<Context>(async (_request, context, member) => {
  return Response.json(await findPosterView((await context.params).id, member.sub));
});

/** `{favorite: true|false}`: the caller's own favourite (favourites are per person). */
export const PATCH = handle<Context>(async (request, context, member) => {
  const { id } = await context.params;
  const { favorite } = parseWith(favoriteSchema, await readJsonObject(request));
  await markFavorite(id, member.sub, favorite);
  return Response.json(await findPosterView(id, member.sub));
});

export const DELETE = handle<Context>(async (_request, context, member) => {
  await removePoster((await context.params).id, member);
  return new Response(null, { status: 204 });
});

export { methodNotAllowed as POST, methodNotAllowed as PUT };
