import { removePosterFromBoard } from "@/lib/boards";
import { handle, methodNotAllowed } from "@/lib/http";

type Context = { params: Promise<{ id: string; posterId: string }> };

/** Takes the poster off the board; the poster itself stays. The board's maker or an admin only (else 403). */
export const DELETE = handle<Context>(async (_request, context, member) => {
  const { id, posterId } = await context.params;
  return Response.json(await removePosterFromBoard(id, posterId, member));
});

export { methodNotAllowed as GET, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH };
