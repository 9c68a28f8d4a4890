import { z } from "zod";
import { handle, methodNotAllowed, parseWith } from "@/lib/http";
import { listReviewPage } from "@/lib/reviews/service";

const listQuery = z.strictObject({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  since: z.iso.datetime({ offset: true, error: "since is an ISO 8601 time, e.g. 2026-11-26T09:00:00Z." }).optional(),
});

/** Every review on every board, newest first, paged; `?since=` only newer ones: `{reviews, nextCursor}`. */
export const GET = handle(async (request) => {
  const query = parseWith(listQuery, Object.fromEntries(new URL(request.url).searchParams));
  const since = query.since ? new Date(query.since).toISOString() : undefined;
  return Response.json(await listReviewPage({ limit: query.limit, cursor: query.cursor, since }));
});

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
