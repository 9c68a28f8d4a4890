import { z } from "zod";
import { AppError } from "@/lib/errors";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { createToken, listTokens } from "@/lib/store/tokens";

const body = z.strictObject({
  name: z
    .string({ error: "Name the token after the script that will use it." })
    .trim()
    .min(1, "Name the token after the script that will use it.")
    .max(60, "Keep the name under 60 characters."),
});

/** Your own API tokens (never the tokens themselves: those are shown once, at creation). */
export const GET = handle(async (_request, _context, member) =>
  Response.json({ tokens: await listTokens(member.sub) }),
);

/** `{name}` → 201 `{token, …}`: the token is in this answer and nowhere else, ever. Only from a signed-in session. */
export const POST = handle(async (request, _context, member) => {
  if (member.via !== "session")
    throw new AppError("forbidden", { message: "Create API tokens from the studio, signed in." });
  const { name } = parseWith(body, await readJsonObject(request));
  const { token, record } = await createToken(member, name);
  return Response.json({ token, ...record }, { status: 201 });
});

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
