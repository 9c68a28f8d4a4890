import { findBoardView, removeBoard, updateBoard } from "@/lib/boards";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { boardUpdateSchema } from "@/lib/models";

type Context = { params: Promise<{ id: string }> };

export const GET = handle<Context>(async (_request, context) => {
  return Response.json(await findBoardView((await context.params).id));
});

/** `{name?}` renames; `{posterIds, version}` reorders (the same posters, as of that version; else 409). Its maker or
 * an admin only (else 403). */
export const PATCH = handle<Context>(async (request, context, member) => {
  const change = parseWith(boardUpdateSchema, await readJsonObject(request));
  return Response.json(await updateBoard((await context.params).id, change, member));
});

/** Deletes the board only: its posters stay in the gallery. Its maker or an admin only (else 403). */
export const DELETE = handle<Context>(async (_request, context, member) => {
  await removeBoard((await context.params).id, member);
  return new Response(null, { status: 204 });
});

export { methodNotAllowed as POST, methodNotAllowed as PUT };
