import { removeKeyArt } from "@/lib/campaigns/service";
import { handle, methodNotAllowed } from "@/lib/http";

type Context = { params: Promise<{ id: string; posterId: string }> };

/** Takes the poster out of the campaign's key art (the poster and what was made from it stay). */
export const DELETE = handle<Context>(async (_request, context, member) => {
  const { id, posterId } = await context.params;
  return Response.json(await removeKeyArt(id, posterId, member));
});

export { methodNotAllowed as GET, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH };
