"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";

/** A choice in a select: its value and what it says. */
export interface Choice {
  id: string;
  label: string;
}

/** The catalogue's choices, handed over by the page: the catalogue (and its schemas) stay out of the browser's JS. */
export interface FilterChoices {
  operations: Choice[];
  models: Choice[];
  /** Image services (a derived poster records the service it used as its model). */
  services: Choice[];
  ratios: Choice[];
  /** Review statuses (draft, in review, approved, changes requested). */
  statuses: Choice[];
}

// Filters apply as they change: every named control of the form is the URL's query (so a filtered gallery can be
// bookmarked and shared), the search after a pause in typing. Without JavaScript the form still submits as a GET.
// A new filter is one more named control here; the page reads it from the URL.

const TYPING_PAUSE_MS = 350;

export function GalleryFilters(props: {
  model?: string;
  aspectRatio?: string;
  operation?: string;
  favorite: boolean;
  q?: string;
  maker?: string;
  boardId?: string;
  status?: string;
  /** Kept only when the URL chose it: otherwise filtering by an operation shows its versions (see versionsByDefault). */
  versions?: "fold" | "show";
  makers: { id: string; name: string }[];
  boards: { id: string; name: string }[];
  choices: FilterChoices;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const current = useSearchParams();
  const form = useRef<HTMLFormElement>(null);
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(props.q ?? "");
  const [more, setMore] = useState(false);
  const active = [
    props.maker,
    props.boardId,
    props.operation,
    props.model,
    props.aspectRatio,
    props.status,
    props.favorite,
  ].filter(Boolean).length;

  // The URL changed from elsewhere (Clear filters, the back button): the controls follow it.
  useEffect(() => {
    if (document.activeElement?.getAttribute("name") !== "q") setQ(current.get("q") ?? "");
    for (const control of form.current?.querySelectorAll<HTMLSelectElement | HTMLInputElement>("select, input") ?? []) {
      if (control instanceof HTMLSelectElement) control.value = current.get(control.name) ?? "";
      else if (control.type === "checkbox") control.checked = current.get(control.name) === control.value;
    }
  }, [current]);
  useEffect(() => () => clearTimeout(typing.current), []);

  function apply() {
    clearTimeout(typing.current);
    if (!form.current) return;
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form.current)) {
      if (typeof value === "string" && value.trim()) query.set(name, value.trim());
    }
    const next = query.toString();
    if (next === current.toString()) return;
    startTransition(() => router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false }));
  }

  const select = "w-full rounded-md border border-edge bg-panel px-2 py-1.5 text-sm sm:w-auto sm:max-w-48";
  const field = "flex min-w-0 flex-col gap-1 text-sm";
  const { choices } = props;
  return (
    <form
      ref={form}
      method="get"
      aria-label="Filter posters"
      aria-busy={pending}
      onChange={(e) => {
        if (!(e.target instanceof HTMLElement) || e.target.getAttribute("name") !== "q") apply();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
      className="mb-4 grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap sm:gap-4"
    >
      {props.versions && <input type="hidden" name="versions" value={props.versions} />}
      <div className={`${field} col-span-2 sm:w-72`}>
        <label htmlFor="filter-q">Search prompts</label>
        <input
          id="filter-q"
          name="q"
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            clearTimeout(typing.current);
            typing.current = setTimeout(apply, TYPING_PAUSE_MS);
          }}
          placeholder="harbor, neon, detective…"
          autoComplete="off"
          className="rounded-md border border-edge bg-panel px-3 py-1.5 text-sm"
        />
      </div>
      <button
        type="button"
        onClick={() => setMore(!more)}
        aria-expanded={more}
        aria-controls="gallery-more-filters"
        className="col-span-2 justify-self-start rounded-md border border-edge px-3 py-1.5 text-sm sm:hidden"
      >
        {more ? "Fewer filters" : `More filters${active ? ` (${active} on)` : ""}`}
      </button>
      {/* On a phone the other filters fold away behind a button, so posters start near the top; from sm up they
          sit in the row (the wrapper's box disappears). */}
      <div
        id="gallery-more-filters"
        className={`${more ? "grid" : "hidden"} col-span-2 grid-cols-2 items-end gap-3 sm:contents`}
      >
        <div className={field}>
          <label htmlFor="filter-maker">Made by</label>
          <select id="filter-maker" name="maker" defaultValue={props.maker ?? ""} className={select}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            {props.makers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className={field}>
          <label htmlFor="filter-board">On board</label>
          <select id="filter-board" name="boardId" defaultValue={props.boardId ?? ""} className={select}>
            <option value="">Any board</option>
            {props.boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <div className={field}>
          <label htmlFor="filter-operation">How</label>
          <select id="filter-operation" name="operation" defaultValue={props.operation ?? ""} className={select}>
            <option value="">Any way</option>
            {choices.operations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className={field}>
          <label htmlFor="filter-model">Model</label>
          <select id="filter-model" name="model" defaultValue={props.model ?? ""} className={select}>
            <option value="">All models</option>
            <optgroup label="Models">
              {choices.models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Image services">
              {choices.services.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div className={field}>
          <label htmlFor="filter-ratio">Aspect ratio</label>
          <select id="filter-ratio" name="aspectRatio" defaultValue={props.aspectRatio ?? ""} className={select}>
            <option value="">All ratios</option>
            {choices.ratios.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <div className={field}>
          <label htmlFor="filter-status">Review status</label>
          <select id="filter-status" name="status" defaultValue={props.status ?? ""} className={select}>
            <option value="">Any status</option>
            {choices.statuses.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input type="checkbox" name="favorite" value="true" defaultChecked={props.favorite} />
          My favourites
        </label>
      </div>
      <noscript>
        <button type="submit" className="rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent">
          Apply filters
        </button>
      </noscript>
      <span role="status" className="text-sm text-muted sm:pb-1.5">
        {pending ? "Updating…" : ""}
      </span>
    </form>
  );
}
