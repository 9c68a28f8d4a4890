import "server-only";
import { AppError } from "../errors";
import {
  countUnread,
  listNotifications,
  MAX_MARKED,
  markNotificationsRead,
  type NotificationRecord,
} from "../store/notifications";
import type { MarkReadRequest } from "./schema";
import type { NotificationsPage } from "./types";
import { toNotificationView } from "./view";

// Each member's own notifications: nobody reads or marks another's (the member is the partition).

export async function notificationsOf(
  member: { sub: string },
  options: { limit: number; cursor?: string; since?: string },
): Promise<NotificationsPage> {
  const since = options.since ? new Date(options.since).toISOString() : undefined;
  const [page, unread] = await Promise.all([
    listNotifications(member.sub, { ...options, since }),
    countUnread(member.sub),
  ]);
  return { notifications: page.notifications.map(toNotificationView), unread, nextCursor: page.nextCursor };
}

/** How far back marking looks: notifications are kept 90 days, and one older than its newest 500 is long read. */
const LOOK_BACK = 500;

async function recent(sub: string): Promise<NotificationRecord[]> {
  const found: NotificationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listNotifications(sub, { limit: 100, cursor });
    found.push(...page.notifications);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && found.length < LOOK_BACK);
  return found;
}

/** Marks notifications read: those named (each must be the member's), or all unread. Answers how many are left. */
export async function markRead(member: { sub: string }, request: MarkReadRequest): Promise<{ unread: number }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const mine = await recent(member.sub);
    let chosen: NotificationRecord[];
    if ("ids" in request) {
      const byId = new Map(mine.map((n) => [n.id, n]));
      const missing = request.ids.filter((id) => !byId.has(id));
      if (missing.length > 0) {
        throw new AppError("invalid_input", {
          fields: { ids: `No notification of yours has the id ${missing.slice(0, 3).join(", ")}.` },
        });
      }
      chosen = request.ids.flatMap((id) => byId.get(id) ?? []);
    } else {
      chosen = mine;
    }
    const unread = [...new Map(chosen.filter((n) => !n.read).map((n) => [n.id, n])).values()];
    // A hundred at a time (one transaction's most): marking read again changes nothing, so a retry is safe.
    let done = true;
    for (let at = 0; at < unread.length && done; at += MAX_MARKED) {
      done = await markNotificationsRead(member.sub, unread.slice(at, at + MAX_MARKED));
    }
    if (done) return { unread: await countUnread(member.sub) };
  }
  throw new AppError("unavailable");
}
