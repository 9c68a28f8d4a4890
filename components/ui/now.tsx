"use client";

import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { timeAgo } from "@/lib/display-text";

// "5 minutes ago" depends on when it is said. The server says it at render time and the browser says it again while
// hydrating, a moment later: across a minute's edge the two differ and React throws the page away (error #418).
// So the first render everywhere uses the server's clock, sent with the page; after hydration the browser's own
// clock takes over and ticks, so ages stay true while the page is open.

const NowContext = createContext<number | null>(null);

const TICK_MS = 30_000;

export function NowProvider(props: { serverNow: number; children: ReactNode }) {
  const [now, setNow] = useState(props.serverNow);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return <NowContext.Provider value={now}>{props.children}</NowContext.Provider>;
}

/** The time to measure ages against: the server's while hydrating, then the browser's. Null outside a provider. */
export function useNow(): number | null {
  return useContext(NowContext);
}

/** "5 minutes ago", the same on the server and at hydration. Without a clock to share, the UTC date and time. */
export function Ago(props: { iso: string; className?: string }) {
  const now = useNow();
  return (
    <time dateTime={props.iso} className={props.className}>
      {now === null ? `${props.iso.slice(0, 16).replace("T", " ")} UTC` : timeAgo(props.iso, now)}
    </time>
  );
}
