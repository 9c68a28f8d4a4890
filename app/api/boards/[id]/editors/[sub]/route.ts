import { removeBoardEditor } from "@/lib/boards";
import { handle, methodNotAllowed } from "@/lib/http";

type Context = { params: Promise<{ id: string; sub: string }> };

/** Takes an editor off the board → the board, with its editors. The board's maker or an admin only (else 403). */
export const DELETE = handle<Context>(async (_request, context, member) => {
  const { id, sub } = await context.params;
  return Response.json(await removeBoardEditor(id, sub, member));
});

export { methodNotAllowed as GET, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH };
