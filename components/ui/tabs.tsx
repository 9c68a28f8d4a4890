"use client";

import { type KeyboardEvent, type ReactNode, useId, useRef } from "react";

// Tabs as WAI-ARIA describes them: a tablist of buttons (←/→, Home and End move between them and select), each
// tab's panel labelled by its tab. Every panel stays mounted (hidden when not selected), so what was typed in one
// survives a look at another.

export interface Tab<T extends string> {
  id: T;
  label: string;
  panel: ReactNode;
}

export function Tabs<T extends string>(props: {
  label: string;
  tabs: Tab<T>[];
  selected: T;
  onSelect: (id: T) => void;
}) {
  const base = useId();
  const buttons = useRef(new Map<T, HTMLButtonElement>());
  const index = Math.max(
    0,
    props.tabs.findIndex((t) => t.id === props.selected),
  );

  function onKeyDown(event: KeyboardEvent) {
    const last = props.tabs.length - 1;
    const next =
      event.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : event.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : undefined;
    const tab = next === undefined ? undefined : props.tabs[next];
    if (!tab) return;
    event.preventDefault();
    props.onSelect(tab.id);
    buttons.current.get(tab.id)?.focus();
  }

  return (
    <div>
      <div
        role="tablist"
        aria-label={props.label}
        onKeyDown={onKeyDown}
        className="mb-6 flex flex-wrap gap-1 border-b border-edge"
      >
        {props.tabs.map((tab) => {
          const selected = tab.id === props.selected;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) buttons.current.set(tab.id, el);
                else buttons.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`${base}-panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => props.onSelect(tab.id)}
              className="-mb-px rounded-t-md border border-transparent px-3 py-2 text-sm text-muted hover:text-white aria-selected:border-edge aria-selected:border-b-ink aria-selected:bg-ink aria-selected:font-semibold aria-selected:text-white"
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {props.tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${tab.id}`}
          aria-labelledby={`${base}-tab-${tab.id}`}
          hidden={tab.id !== props.selected}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel takes focus after its tab (WAI-ARIA tabs)
          tabIndex={0}
          className="focus-visible:outline-offset-4"
        >
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
