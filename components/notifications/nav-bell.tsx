"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { api } from "@/lib/client/api";

// The navigation's bell: how many notifications are unread, kept fresh while the page is open (every 30 s, when the
// tab comes back into view, on each navigation, and when the notifications page marks some read).

const EVERY_MS = 30_000;
export const NOTIFICATIONS_CHANGED = "onesheet:notifications-changed";

export function NavBell() {
  const [unread, setUnread] = useState(0);
  const path = usePathname();

  const refresh = useCallback(() => {
    if (document.visibilityState === "hidden") return;
    api.notifications("?limit=1").then(
      (page) => setUnread(page.unread),
      () => {},
    );
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a navigation is a moment to look again
  useEffect(() => refresh(), [path, refresh]);
  useEffect(() => {
    const timer = setInterval(refresh, EVERY_MS);
    const onChanged = (event: Event) =>
      event instanceof CustomEvent && typeof event.detail === "number" ? setUnread(event.detail) : refresh();
    document.addEventListener("visibilitychange", refresh);
    window.addEventListener(NOTIFICATIONS_CHANGED, onChanged);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
      window.removeEventListener(NOTIFICATIONS_CHANGED, onChanged);
    };
  }, [refresh]);

  const label = unread === 0 ? "Notifications" : `Notifications: ${unread > 99 ? "more than 99" : unread} unread`;
  return (
    <Link
      href="/notifications"
      prefetch={false}
      aria-label={label}
      aria-current={path.startsWith("/notifications") ? "page" : undefined}
      title={label}
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-md border border-edge text-muted hover:border-accent hover:text-white aria-[current=page]:text-white"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      >
        <path d="M10 2.5a5 5 0 0 0-5 5v3.2L3.5 13.5h13L15 10.7V7.5a5 5 0 0 0-5-5Z" strokeLinejoin="round" />
        <path d="M8 16a2 2 0 0 0 4 0" strokeLinecap="round" />
      </svg>
      {unread > 0 && (
        <span
          data-testid="notification-badge"
          aria-hidden="true"
          className="absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-accent px-1 text-center text-xs font-bold leading-5 text-ink"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
