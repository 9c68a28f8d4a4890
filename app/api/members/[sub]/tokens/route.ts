import { handle, methodNotAllowed } from "@/lib/http";
import { tokensOf } from "@/lib/member-tokens";

type Context = { params: Promise<{ sub: string }> };

/** A member's API tokens, expired ones included: for that member or an admin; anyone else gets 403. */
export const GET = handle<Context>(async (_request, context, member) =>
  Response.json({ tokens: await tokensOf(member, (await context.params).sub) }),
);

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
