import { z } from "zod";
import { handle, methodNotAllowed, originOf, parseWith, readJsonObject } from "@/lib/http";
import { shareRequestSchema } from "@/lib/models";
import { createShareView, listShareViews } from "@/lib/shares";

/** `{posterId | boardId, expiresInDays?, showPrompt?}` → 201 `{token, url, expiresAt, …}`: the target's maker or an
 * admin only (else 403). */
export const POST = handle(async (request, _context, member) => {
  const input = parseWith(shareRequestSchema, await readJsonObject(request));
  return Response.json(await createShareView(input, originOf(request), member), { status: 201 });
});

const listQuery = z.union([z.strictObject({ posterId: z.string() }), z.strictObject({ boardId: z.string() })], {
  error: "List the links of a poster (?posterId=) or of a board (?boardId=).",
});

/** `?posterId=` or `?boardId=` → the live links, newest first: for the target's maker or an admin (else 403). */
export const GET = handle(async (request, _context, member) => {
  const query = parseWith(listQuery, Object.fromEntries(new URL(request.url).searchParams));
  const [target, id] =
    "posterId" in query ? (["poster", query.posterId] as const) : (["board", query.boardId] as const);
  return Response.json({ shares: await listShareViews(target, id, originOf(request), member) });
});

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
