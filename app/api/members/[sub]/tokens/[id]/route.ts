import { handle, methodNotAllowed } from "@/lib/http";
import { revokeTokenOf } from "@/lib/member-tokens";

type Context = { params: Promise<{ sub: string; id: string }> };

/** Revokes a member's token at once: by that member or an admin; anyone else gets 403. */
export const DELETE = handle<Context>(async (_request, context, member) => {
  const { sub, id } = await context.params;
  await revokeTokenOf(member, sub, id);
  return new Response(null, { status: 204 });
});

export { methodNotAllowed as GET, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH };
