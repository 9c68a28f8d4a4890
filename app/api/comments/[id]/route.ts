import { commentUpdateSchema } from "@/lib/comments/schema";
import { resolveThread } from "@/lib/comments/service";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

/** `{resolved: true | false}` resolves or reopens a thread (its first comment) → the thread with its replies. Whoever
 * started it, the maker of the poster or board, a board's editors or an admin (else 403). */
export const PATCH = handle<Context>(async (request, context, member) => {
  const { resolved } = parseWith(commentUpdateSchema, await readJsonObject(request));
  return Response.json(await resolveThread((await context.params).id, resolved, member));
});

export { methodNotAllowed as GET, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as DELETE };
