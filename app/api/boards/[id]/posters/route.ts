import { z } from "zod";
import { addPosterToBoard } from "@/lib/boards";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

const body = z.strictObject({ posterId: z.string({ error: "Say which poster to add (posterId)." }) });

/** `{posterId}` appends the poster; adding one that is already there changes nothing. The board's maker or an admin
 * only (else 403); any poster of the team may go on it. */
export const POST = handle<Context>(async (request, context, member) => {
  const { posterId } = parseWith(body, await readJsonObject(request));
  return Response.json(await addPosterToBoard((await context.params).id, posterId, member));
});

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
