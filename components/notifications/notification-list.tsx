"use client";

import Link from "next/link";
import { useState } from "react";
import { ApiError, api } from "@/lib/client/api";
import type { NotificationsPage, NotificationView } from "@/lib/notifications/types";
import { Ago } from "../ui/now";
import { NOTIFICATIONS_CHANGED } from "./nav-bell";

// The notifications page's list: newest first, unread ones marked; following one marks it read; Mark all as read;
// Load more. The navigation's bell follows what is marked here.

const KIND_WORDS: Record<NotificationView["kind"], string> = {
  mention: "Mention",
  reply: "Reply",
  review: "Review",
  job: "Job",
  editor: "Board",
};

const tell = (unread: number) => window.dispatchEvent(new CustomEvent(NOTIFICATIONS_CHANGED, { detail: unread }));

export function NotificationList(props: { initial: NotificationsPage }) {
  const [items, setItems] = useState(props.initial.notifications);
  const [unread, setUnread] = useState(props.initial.unread);
  const [cursor, setCursor] = useState(props.initial.nextCursor);
  const [message, setMessage] = useState("");

  async function mark(body: { ids: string[] } | { all: true }) {
    try {
      const { unread: left } = await api.markNotificationsRead(body);
      const marked = "ids" in body ? new Set(body.ids) : undefined;
      setItems((all) => all.map((n) => (!marked || marked.has(n.id) ? { ...n, read: true } : n)));
      setUnread(left);
      tell(left);
      if (!marked) setMessage("All marked as read.");
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't mark them read: try again.");
    }
  }

  async function more() {
    if (!cursor) return;
    try {
      const page = await api.notifications(`?cursor=${encodeURIComponent(cursor)}`);
      setItems((all) => [...all, ...page.notifications]);
      setCursor(page.nextCursor);
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't load more: try again.");
    }
  }

  if (items.length === 0) {
    return (
      <p className="text-muted">
        Nothing yet. You’ll hear here when someone mentions you or replies to you, when a reviewer answers on one of
        your boards, and when a format pack or a print master you asked for is ready.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-muted">{unread === 0 ? "All read." : `${unread > 99 ? "99+" : unread} unread.`}</p>
        {unread > 0 && (
          <button
            type="button"
            onClick={() => mark({ all: true })}
            className="rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent"
          >
            Mark all as read
          </button>
        )}
        <p role="status" className="text-sm text-muted">
          {message}
        </p>
      </div>
      <ul aria-label="Notifications" className="space-y-2">
        {items.map((n) => (
          <li
            key={n.id}
            className={`rounded-md border p-3 text-sm ${n.read ? "border-edge" : "border-accent/70 bg-accent/5"}`}
          >
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              {!n.read && <span className="rounded bg-accent px-1.5 py-0.5 text-xs font-bold text-ink">New</span>}
              <span className="text-xs uppercase tracking-wide text-muted">{KIND_WORDS[n.kind]}</span>
              <Ago iso={n.createdAt} className="text-xs text-muted" />
            </div>
            <Link
              href={n.href}
              prefetch={false}
              onClick={() => {
                if (!n.read) void mark({ ids: [n.id] });
              }}
              className="mt-1 block break-words font-medium hover:underline"
            >
              {n.text}
            </Link>
            {n.excerpt && <p className="mt-1 whitespace-pre-line break-words text-muted">“{n.excerpt}”</p>}
            {!n.read && (
              <button
                type="button"
                onClick={() => mark({ ids: [n.id] })}
                className="mt-2 text-xs text-muted underline underline-offset-4 hover:text-white"
              >
                Mark as read<span className="sr-only">: {n.text}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {cursor && (
        <button
          type="button"
          onClick={more}
          className="rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent"
        >
          Load more
        </button>
      )}
    </div>
  );
}
