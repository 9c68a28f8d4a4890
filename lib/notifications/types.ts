// The JSON of GET /api/notifications, shared by the route, the navigation's badge and the notifications page. (The
// browser's side never imports the store: the stored kinds are checked against this list where views are built.)

export type NotificationKind = "mention" | "reply" | "review" | "job" | "editor";

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  createdAt: string;
  read: boolean;
  /** What happened, in a sentence ("Alice 2 mentioned you on a poster"). Names in it are as people gave them. */
  text: string;
  /** The comment's or review's words, shortened. Plain text. */
  excerpt?: string;
  /** The page it is about (an app path). */
  href: string;
}

export interface NotificationsPage {
  notifications: NotificationView[];
  /** Unread among the newest 100 (the badge shows "99+" past 99). */
  unread: number;
  nextCursor: string | null;
}
