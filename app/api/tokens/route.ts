import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { issueToken, ownTokens } from "@/lib/member-tokens";
import { tokenCreateSchema } from "@/lib/models";

/** All your own API tokens, expired ones included (never the tokens themselves: those are shown once). */
export const GET = handle(async (_request, _context, member) => Response.json({ tokens: await ownTokens(member) }));

/** `{name, expiresInDays?}` → 201 `{token, …}`: the token is in this answer and nowhere else, ever. Only from a
 * signed-in session; at most 20 live tokens a person (409 token_limit). */
export const POST = handle(async (request, _context, member) => {
  const { name, expiresInDays } = parseWith(tokenCreateSchema, await readJsonObject(request));
  return Response.json(await issueToken(member, name, expiresInDays ?? undefined), { status: 201 });
});

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
