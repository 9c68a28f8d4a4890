import { handle, methodNotAllowed } from "@/lib/http";
import { revokeShare } from "@/lib/shares";

type Context = { params: Promise<{ token: string }> };

/** Revokes the link at once: its page answers 404 from the next request on. */
export const DELETE = handle<Context>(async (_request, context, member) => {
  await revokeShare((await context.params).token, member);
  return new Response(null, { status: 204 });
});

export { methodNotAllowed as GET, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH };
