import { z } from "zod";
import { addBoardEditor } from "@/lib/boards";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

const body = z.strictObject({
  memberSub: z
    .string({ error: "Say who (memberSub: a member's sub from GET /api/members)." })
    .min(1, "Say who (memberSub: a member's sub from GET /api/members).")
    .max(255, "That isn't a member's sub."),
});

/** `{memberSub}` makes a team member an editor: they may add, remove and reorder the board's posters. The board's
 * maker or an admin only (else 403) → the board, with its editors. */
export const POST = handle<Context>(async (request, context, member) => {
  const { memberSub } = parseWith(body, await readJsonObject(request));
  return Response.json(await addBoardEditor((await context.params).id, memberSub, member));
});

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
