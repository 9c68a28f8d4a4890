"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// No prefetching: the pages are dynamic, so a prefetch would only fetch their code early, and a first visit
// shouldn't pay for pages it may never open.
const LINKS = [
  { href: "/", label: "Studio" },
  { href: "/gallery", label: "Gallery" },
  { href: "/boards", label: "Boards" },
  { href: "/spending", label: "Spending" },
  { href: "/account", label: "Account" },
];

export function TeamNav() {
  const path = usePathname();
  const current = (href: string) => (href === "/" ? path === "/" : path.startsWith(href));
  return (
    <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
      <Link href="/" className="font-display text-3xl tracking-wide text-accent">
        OneSheet
      </Link>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link
              prefetch={false}
              href={link.href}
              aria-current={current(link.href) ? "page" : undefined}
              className="rounded px-2 py-1 text-muted hover:text-white aria-[current=page]:text-white aria-[current=page]:underline aria-[current=page]:underline-offset-4"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
