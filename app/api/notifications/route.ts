import { handle, methodNotAllowed, parseWith } from "@/lib/http";
import { notificationsQuery } from "@/lib/notifications/schema";
import { notificationsOf } from "@/lib/notifications/service";

/** Your notifications, newest first: `?since=` only newer ones, `?limit=` (1–100, default 50), `?cursor=` the next
 * page → `{notifications: [{id, kind, createdAt, read, text, excerpt?, href}], unread, nextCursor}`. */
export const GET = handle(async (request, _context, member) => {
  const query = parseWith(notificationsQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await notificationsOf(member, query));
});

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
