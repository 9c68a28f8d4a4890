import { z } from "zod";
import { handle, methodNotAllowed, parseWith } from "@/lib/http";
import { listTrashViews } from "@/lib/posters/trash";

const listQuery = z.strictObject({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** The caller's trashed posters (an admin: everyone's), newest first, paged: `{posters, nextCursor}`, each with
 * `trashedAt` and `purgeAt`. */
export const GET = handle(async (request, _context, member) => {
  const query = parseWith(listQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listTrashViews({ limit: query.limit, cursor: query.cursor, member }));
});

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
