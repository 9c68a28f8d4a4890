import { handle, methodNotAllowed } from "@/lib/http";
import { revokeTokenOf } from "@/lib/member-tokens";

type Context = { params: Promise<{ id: string }> };

/** Revokes one of your tokens at once: scripts using it get 401 from the next request on. (An admin revokes
 * someone else's through /api/members/{sub}/tokens/{id}.) */
export const DELETE = handle<Context>(async (_request, context, member) => {
  await revokeTokenOf(member, member.sub, (await context.params).id);
  return new Response(null, { status: 204 });
});

export { methodNotAllowed as GET, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH };
