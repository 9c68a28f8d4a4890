import { handle, methodNotAllowed } from "@/lib/http";
import { findPosterView } from "@/lib/posters/service";
import { restorePoster } from "@/lib/posters/trash";

type Context = { params: Promise<{ id: string }> };

/** Back from the trash: 200 and the poster. One not in the trash (restored already) is a 200 as it is; purged or
 * unknown, a 404; someone else's (not an admin), a 403. */
export const POST = handle<Context>(async (_request, context, member) => {
  const { id } = await context.params;
  await restorePoster(id, member);
  return Response.json(await findPosterView(id, member.sub));
});

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
