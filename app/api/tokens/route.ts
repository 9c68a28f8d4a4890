import { AppError } from "@/lib/errors";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { tokenCreateSchema } from "@/lib/models";
import { createToken, listTokens } from "@/lib/store/tokens";

/** All your own API tokens, expired ones included (never the tokens themselves: those are shown once). */
export const GET = handle(async (_request, _context, member) =>
  Response.json({ tokens: await listTokens(member.sub) }),
);

/** `{name, expiresInDays?}` → 201 `{token, …}`: the token is in this answer and nowhere else, ever. Only from a
 * signed-in session; at most 20 live tokens a person (409 token_limit). */
export const POST = handle(async (request, _context, member) => {
  if (member.via !== "session")
    throw new AppError("forbidden", { message: "Create API tokens from the studio, signed in." });
  const { name, expiresInDays } = parseWith(tokenCreateSchema, await readJsonObject(request));
  const { token, record } = await createToken(member, name, { expiresInDays: expiresInDays ?? undefined });
  return Response.json({ token, ...record }, { status: 201 });
});

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
