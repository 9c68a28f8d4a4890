"use client";

import Link from "next/link";
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from "react";
import { CanvasSlotsProvider, ToolShownProvider } from "./canvas-slots";

// A workspace: the canvas stays in view and the tools sit beside it (below it on a phone, as a sheet that scrolls
// inside itself), one tab at a time. The whole thing is the height of the screen below the navigation, so nothing
// in it scrolls the canvas away. The open tab is the URL's ?tool=, so a link can open any of them; the others stay
// mounted (hidden), keeping what was typed or painted while another tab is looked at.
//
//   <WorkspaceShell canvas={<WorkspaceCanvas …>art</WorkspaceCanvas>} tabs={[{ id, label, panel }]} active="develop" />
//
// A tab with an href is a link to another page's workspace (the design page's tabs lead back to the poster's).

export interface WorkspaceTab {
  id: string;
  label: string;
  panel?: ReactNode;
  /** Opens another page (with this tab open there) instead of a panel here. */
  href?: string;
  /** A count shown beside the label (open comments). */
  count?: number;
}

/** Older links name a part of the page by its #fragment: which tab holds it, by the fragment's start. */
export type HashTabs = readonly (readonly [prefix: string, tab: string])[];

const GUESS_TOP = 96;
const tabClass =
  "-mb-px shrink-0 whitespace-nowrap border-b-2 border-transparent px-1.5 py-2.5 text-sm text-muted hover:text-white aria-selected:border-accent aria-selected:font-semibold aria-selected:text-white";

export function WorkspaceShell(props: {
  canvas: ReactNode;
  tabs: WorkspaceTab[];
  active: string;
  /** Under the canvas: the versions strip. */
  strip?: ReactNode;
  /** Above the tabs: the title, and a notice such as "back to the previous". */
  header?: ReactNode;
  hashTabs?: HashTabs;
}) {
  const known = (id: string) => props.tabs.some((t) => t.id === id && !t.href);
  const [active, setActive] = useState(known(props.active) ? props.active : props.tabs.find((t) => !t.href)?.id);
  // A link to this same page with another tool (the format pack's "upscale first" opens Develop) keeps this
  // component: the tab follows the address's choice when that changes.
  const [asked, setAsked] = useState(props.active);
  if (props.active !== asked) {
    setAsked(props.active);
    if (known(props.active)) setActive(props.active);
  }
  const rootRef = useRef<HTMLDivElement>(null);
  const tabRefs = useRef(new Map<string, HTMLElement>());
  // The navigation's height varies (a phone's menu, a wrapped row): measured, so the workspace ends at the screen's.
  const [top, setTop] = useState(GUESS_TOP);
  useLayoutEffect(() => {
    const measure = () => {
      const el = rootRef.current;
      if (el) setTop(Math.round(el.getBoundingClientRect().top + window.scrollY));
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the address the page arrived with
  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.has("tool") || !url.hash) return;
    const hash = url.hash.slice(1);
    const tab = props.hashTabs?.find(([prefix]) => hash.startsWith(prefix))?.[1];
    if (!tab || !props.tabs.some((t) => t.id === tab)) return;
    setActive(tab);
    // The browser looked for the fragment while its tab was hidden: look again now it shows.
    requestAnimationFrame(() => document.getElementById(hash)?.scrollIntoView({ block: "center" }));
  }, []);

  function open(id: string, focus = false) {
    // A link is followed on Enter or a click, not on reaching it with the arrows.
    if (props.tabs.find((t) => t.id === id)?.href) {
      if (focus) tabRefs.current.get(id)?.focus();
      return;
    }
    setActive(id);
    const url = new URL(window.location.href);
    url.searchParams.set("tool", id);
    url.hash = "";
    window.history.replaceState(null, "", url);
    if (focus) tabRefs.current.get(id)?.focus();
  }

  function onKeyDown(e: React.KeyboardEvent) {
    const ids = props.tabs.map((t) => t.id);
    const i = ids.indexOf(active ?? "");
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: ids.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const id = ids[(next + ids.length) % ids.length];
    if (id) open(id, true);
  }

  return (
    <CanvasSlotsProvider>
      <div
        ref={rootRef}
        data-testid="workspace"
        className="flex min-h-[32rem] flex-col gap-3 lg:grid lg:grid-cols-[minmax(0,1fr)_31rem] xl:grid-cols-[minmax(0,1fr)_33rem] lg:gap-4"
        style={{ height: `calc(100dvh - ${top}px - 1.5rem)` }}
      >
        <div className="flex h-[47%] min-h-0 flex-none flex-col gap-2 lg:h-full" id="comment-image">
          <div className="min-h-0 flex-1">{props.canvas}</div>
          {props.strip}
        </div>
        <div className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-lg border border-edge bg-panel/40 lg:h-full">
          {props.header && <div className="border-b border-edge px-3 py-1.5 sm:px-4 sm:py-2">{props.header}</div>}
          <div
            role="tablist"
            aria-label="Tools"
            onKeyDown={onKeyDown}
            className="flex flex-none gap-0.5 overflow-x-auto border-b border-edge px-2 [scrollbar-width:none] max-lg:[mask-image:linear-gradient(to_right,#000_85%,transparent)]"
          >
            {props.tabs.map((tab) => {
              const ref = (el: HTMLElement | null) => {
                if (el) tabRefs.current.set(tab.id, el);
                else tabRefs.current.delete(tab.id);
              };
              const label = (
                <>
                  {tab.label}
                  {tab.count ? (
                    <span className="ml-1 rounded-full bg-edge px-1.5 text-xs tabular-nums">
                      {tab.count}
                      <span className="sr-only"> open</span>
                    </span>
                  ) : null}
                </>
              );
              return tab.href ? (
                <Link
                  key={tab.id}
                  ref={ref}
                  href={tab.href}
                  role="tab"
                  id={`tab-${tab.id}`}
                  aria-selected={false}
                  tabIndex={-1}
                  className={tabClass}
                >
                  {label}
                </Link>
              ) : (
                <button
                  key={tab.id}
                  ref={ref}
                  type="button"
                  role="tab"
                  id={`tab-${tab.id}`}
                  aria-selected={tab.id === active}
                  aria-controls={`tool-${tab.id}`}
                  tabIndex={tab.id === active ? 0 : -1}
                  onClick={() => open(tab.id)}
                  className={tabClass}
                >
                  {label}
                </button>
              );
            })}
          </div>
          {/* Positioned, so what a tool hides off-screen (sr-only inputs) is placed, and clipped, in here, not in the page. */}
          <div data-testid="tool-panel" className="relative min-h-0 flex-1 overflow-y-auto overscroll-contain">
            {props.tabs
              .filter((tab) => !tab.href)
              .map((tab) => (
                <div
                  key={tab.id}
                  role="tabpanel"
                  id={`tool-${tab.id}`}
                  aria-labelledby={`tab-${tab.id}`}
                  hidden={tab.id !== active}
                  className="@container space-y-6 p-3 sm:p-4"
                >
                  <ToolShownProvider value={tab.id === active}>{tab.panel}</ToolShownProvider>
                </div>
              ))}
          </div>
        </div>
      </div>
    </CanvasSlotsProvider>
  );
}
