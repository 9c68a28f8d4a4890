import { handle, methodNotAllowed } from "@/lib/http";
import { purgeNow } from "@/lib/posters/trash";

type Context = { params: Promise<{ id: string }> };

/** "Delete now": a trashed poster goes for good (its files, records and comments), without waiting for the sweeper.
 * 204; not in the trash, 404; someone else's (not an admin), 403. */
export const DELETE = handle<Context>(async (_request, context, member) => {
  await purgeNow((await context.params).id, member);
  return new Response(null, { status: 204 });
});

export { methodNotAllowed as GET, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH };
