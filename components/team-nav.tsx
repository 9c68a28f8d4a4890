"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { NavBell } from "./notifications/nav-bell";

// No prefetching: the pages are dynamic, so a prefetch would only fetch their code early, and a first visit
// shouldn't pay for pages it may never open.
const LINKS = [
  { href: "/", label: "Studio" },
  { href: "/gallery", label: "Gallery" },
  { href: "/boards", label: "Boards" },
  { href: "/campaigns", label: "Campaigns" },
  { href: "/reviews", label: "Reviews" },
  { href: "/spending", label: "Spending" },
  { href: "/account", label: "Account" },
];

// On a phone the links fold behind a Menu button (a disclosure: it says whether it is open, and closes when a link
// is followed or on Escape); from the md breakpoint up they are always shown and the button is gone.
export function TeamNav() {
  const path = usePathname();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const current = (href: string) => (href === "/" ? path === "/" : path.startsWith(href));

  // Following a link (the path changes) closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not an input
  useEffect(() => setOpen(false), [path]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
      <Link href="/" className="font-display text-3xl tracking-wide text-accent">
        OneSheet
      </Link>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        className="ml-auto inline-flex items-center gap-2 rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent md:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor">
          {open ? (
            <path d="M3 3l10 10M13 3L3 13" strokeWidth="1.75" strokeLinecap="round" />
          ) : (
            <path d="M2 4h12M2 8h12M2 12h12" strokeWidth="1.75" strokeLinecap="round" />
          )}
        </svg>
        Menu
      </button>
      <ul
        id={listId}
        className={`${open ? "flex" : "hidden"} order-last w-full flex-col md:order-none gap-1 border-t border-edge pt-2 text-base md:flex md:w-auto md:flex-row md:flex-wrap md:gap-x-4 md:gap-y-1 md:border-0 md:pt-0 md:text-sm`}
      >
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link
              prefetch={false}
              href={link.href}
              aria-current={current(link.href) ? "page" : undefined}
              onClick={() => setOpen(false)}
              className="block rounded px-2 py-2 text-muted hover:text-white aria-[current=page]:text-white aria-[current=page]:underline aria-[current=page]:underline-offset-4 md:inline md:py-1"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
      {/* Beside Menu on a phone (the open menu's links drop below both), at the end of the row from md up: in the
          same order on screen as for the keyboard. */}
      <div className="md:ml-auto">
        <NavBell />
      </div>
    </nav>
  );
}
