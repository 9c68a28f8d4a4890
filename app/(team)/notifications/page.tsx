import type { Metadata } from "next";
import { NotificationList } from "@/components/notifications/notification-list";
import { requireMember } from "@/lib/identity";
import { notificationsOf } from "@/lib/notifications/service";

export const metadata: Metadata = { title: "Notifications" };

// What happened that concerns you: mentions, replies in your threads, reviews on your boards, finished jobs, boards
// you were made an editor of. Each member's own; read ones stay (90 days) until they age out.
export default async function NotificationsPage() {
  const member = await requireMember("/notifications");
  const page = await notificationsOf(member, { limit: 50 });
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="font-display text-4xl tracking-wide">Notifications</h1>
      <NotificationList initial={page} />
    </div>
  );
}
