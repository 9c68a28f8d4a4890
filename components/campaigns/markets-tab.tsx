"use client";

import { useState } from "react";
import { marketDate } from "@/lib/campaigns/design";
import { defaultPlacements } from "@/lib/campaigns/markets";
import { pathErrors } from "@/lib/campaigns/request-errors";
import { type Credit, MAX_MARKETS, type MarketInput, marketsSchema } from "@/lib/campaigns/schema";
import type { CampaignView, Market } from "@/lib/campaigns/types";
import { ApiError, api } from "@/lib/client/api";
import { findPlacement, PLACEMENTS, type PlacementId } from "@/lib/print/placements";
import { MarketsImport } from "./markets-import";

// The campaign's markets as a table edited in place: a row per market (its BCP 47 code, the film's title there, the
// tagline, the date line as the market writes it, the rating its board gave, the placements it ships). Save sends
// the whole list; a refusal's messages, keyed by row and field ("2.title"), land on their cells. Or import a
// spreadsheet (CSV or XLSX) of them.

const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";
const cellInput =
  "rounded border border-edge bg-ink px-2 py-1.5 text-sm placeholder:text-muted/70 aria-[invalid=true]:border-danger";

export interface RowDraft {
  key: number;
  code: string;
  title: string;
  tagline: string;
  date: string;
  system: string;
  rating: string;
  descriptors: string;
  /** null: the defaults (the market's national poster and the campaign's placements). */
  placements: PlacementId[] | null;
  /** Kept as they are (set through the API or an import). */
  credits?: Credit[];
  logo?: string;
}

type Column = "code" | "title" | "tagline" | "date" | "system" | "rating" | "descriptors" | "placements";

const COLUMNS: { id: Column; label: string; width: string }[] = [
  { id: "code", label: "Code", width: "w-24" },
  { id: "title", label: "Title", width: "w-40" },
  { id: "tagline", label: "Tagline", width: "w-52" },
  { id: "date", label: "Date line", width: "w-36" },
  { id: "system", label: "Rating system", width: "w-20" },
  { id: "rating", label: "Rating", width: "w-16" },
  { id: "descriptors", label: "Descriptors", width: "w-32" },
  { id: "placements", label: "Placements", width: "w-44" },
];

let keys = 0;

function rowOf(market: Market): RowDraft {
  return {
    key: keys++,
    code: market.code,
    title: market.title,
    tagline: market.tagline ?? "",
    date: market.date ?? "",
    system: market.rating?.system ?? "",
    rating: market.rating?.code ?? "",
    descriptors: market.rating?.descriptors ?? "",
    placements: market.placements,
    ...(market.credits ? { credits: market.credits } : {}),
    ...(market.logo ? { logo: market.logo } : {}),
  };
}

const emptyRow = (): RowDraft => ({
  key: keys++,
  code: "",
  title: "",
  tagline: "",
  date: "",
  system: "",
  rating: "",
  descriptors: "",
  placements: null,
});

function inputOf(row: RowDraft): MarketInput {
  const rated = row.system.trim() || row.rating.trim() || row.descriptors.trim();
  return {
    code: row.code,
    title: row.title,
    ...(row.tagline.trim() ? { tagline: row.tagline } : {}),
    ...(row.date.trim() ? { date: row.date } : {}),
    ...(rated
      ? {
          rating: {
            system: row.system,
            code: row.rating,
            ...(row.descriptors.trim() ? { descriptors: row.descriptors } : {}),
          },
        }
      : {}),
    ...(row.placements ? { placements: row.placements } : {}),
    ...(row.credits ? { credits: row.credits } : {}),
    ...(row.logo ? { logo: row.logo } : {}),
  };
}

/** Which cell a message keyed "row.field[.part]" belongs on, if any (credits and logo have no column). */
function columnOf(path: string[]): Column | undefined {
  const [field, part] = path;
  if (field === "rating") return part === "code" ? "rating" : part === "descriptors" ? "descriptors" : "system";
  if (field === "code" || field === "title" || field === "tagline" || field === "date") return field;
  if (field === "placements") return "placements";
  return undefined;
}

interface Problems {
  /** "row.column" → message. */
  cells: Record<string, string>;
  /** Every message, for the summary above the table. */
  list: { row: number | undefined; field: string; message: string }[];
}

function problemsOf(fields: Record<string, string>): Problems {
  const cells: Record<string, string> = {};
  const list: Problems["list"] = [];
  for (const [key, message] of Object.entries(fields)) {
    const [first = "", ...rest] = key.split(".");
    const row = /^\d+$/.test(first) ? Number(first) : undefined;
    const column = row === undefined ? undefined : columnOf(rest);
    if (row !== undefined && column) cells[`${row}.${column}`] ??= message;
    list.push({ row, field: COLUMNS.find((c) => c.id === column)?.label ?? rest.join(" ") ?? "", message });
  }
  return { cells, list };
}

const placementLabel = (id: string) => findPlacement(id)?.label ?? id;

export function MarketsTab(props: {
  campaign: CampaignView;
  canChange: boolean;
  onChange: (campaign: CampaignView) => void;
}) {
  const { campaign } = props;
  const [rows, setRows] = useState(() => campaign.markets.map(rowOf));
  const [saved, setSaved] = useState(() => JSON.stringify(campaign.markets.map(rowOf).map(inputOf)));
  const [problems, setProblems] = useState<Problems>({ cells: {}, list: [] });
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const dirty = JSON.stringify(rows.map(inputOf)) !== saved;
  const disabled = !props.canChange;

  function reset(view: CampaignView) {
    const fresh = view.markets.map(rowOf);
    setRows(fresh);
    setSaved(JSON.stringify(fresh.map(inputOf)));
    setProblems({ cells: {}, list: [] });
  }

  const setCell = (key: number, change: Partial<RowDraft>) => {
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
    setMessage("");
  };

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const inputs = rows.map(inputOf);
    const parsed = marketsSchema.safeParse(inputs);
    if (!parsed.success) {
      setProblems(problemsOf(pathErrors(parsed.error.issues)));
      setMessage("Some markets need fixing: see the highlighted cells. Nothing was saved.");
      return;
    }
    setBusy(true);
    try {
      const view = await api.saveMarkets(campaign.id, inputs);
      reset(view);
      props.onChange(view);
      setMessage(`Saved ${view.markets.length} ${view.markets.length === 1 ? "market" : "markets"}.`);
    } catch (error) {
      setProblems(problemsOf(error instanceof ApiError ? (error.fields ?? {}) : {}));
      setMessage(error instanceof ApiError ? error.message : "Couldn't save the markets: try again.");
    } finally {
      setBusy(false);
    }
  }

  // Stable while the code is typed: "Title, market 2".
  const rowName = (i: number) => `market ${i + 1}`;

  return (
    <div className="space-y-8">
      <form onSubmit={save} aria-label="Markets" noValidate className="space-y-4">
        <div className="space-y-1">
          <h2 className="font-display text-3xl tracking-wide">Markets</h2>
          <p className="max-w-3xl text-sm text-muted">
            One row per market, by its language and country code (fr-FR, de-DE, es-MX). The title, tagline and date line
            are set as the market writes them; an empty date line is written from the release date in the market&apos;s
            language (shown in grey). A rating is only what its board gave: OneSheet never invents one. A market without
            placements of its own gets its country&apos;s cinema poster and the campaign&apos;s placements.
          </p>
        </div>
        {problems.list.length > 0 && (
          <ul aria-label="Problems" className="list-disc space-y-0.5 pl-5 text-sm text-danger">
            {problems.list.map((p) => (
              <li key={`${p.row}-${p.field}-${p.message}`}>
                {p.row !== undefined ? `Row ${p.row + 1}${p.field ? `, ${p.field.toLowerCase()}` : ""}: ` : ""}
                {p.message}
              </li>
            ))}
          </ul>
        )}
        {/* A table too wide for a phone scrolls inside its own box (focusable, so the keyboard can scroll it; relative, so
            its screen-reader-only text, positioned absolutely, stays inside it rather than widening the page). */}
        <section
          aria-label="Markets table"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable from the keyboard
          tabIndex={0}
          className="relative overflow-x-auto rounded-lg border border-edge"
        >
          <table className="w-max min-w-full border-collapse text-left text-sm">
            <thead className="bg-panel text-xs text-muted">
              <tr>
                <th scope="col" className="px-1.5 py-2 font-medium">
                  <span className="sr-only">Row</span>#
                </th>
                {COLUMNS.map((c) => (
                  <th key={c.id} scope="col" className="px-1.5 py-2 font-medium">
                    {c.label}
                  </th>
                ))}
                <th scope="col" className="px-2 py-2">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr>
                  <td colSpan={COLUMNS.length + 2} className="px-3 py-4 text-muted">
                    No markets yet: add a row, or import a spreadsheet below.
                  </td>
                </tr>
              )}
              {rows.map((row, i) => {
                const cell = (column: Column) => problems.cells[`${i}.${column}`];
                const errorId = (column: Column) => `market-${row.key}-${column}-error`;
                const text = (column: Exclude<Column, "placements">, placeholder?: string) => (
                  <td key={column} className="px-1.5 py-1.5 align-top">
                    <input
                      aria-label={`${COLUMNS.find((c) => c.id === column)?.label}, ${rowName(i)}`}
                      value={row[column]}
                      placeholder={placeholder}
                      onChange={(e) => setCell(row.key, { [column]: e.target.value })}
                      aria-invalid={cell(column) ? true : undefined}
                      aria-describedby={cell(column) ? errorId(column) : undefined}
                      className={`${cellInput} ${COLUMNS.find((c) => c.id === column)?.width ?? ""}`}
                    />
                    {cell(column) && (
                      <p id={errorId(column)} className="mt-1 max-w-56 text-xs text-danger">
                        {cell(column)}
                      </p>
                    )}
                  </td>
                );
                const defaults = defaultPlacements(row.code.trim() || "en-US", campaign.placements);
                return (
                  <tr key={row.key} className="border-t border-edge">
                    <td className="px-2 py-3 align-top text-xs text-muted tabular-nums">{i + 1}</td>
                    {text("code", "fr-FR")}
                    {text("title", campaign.title)}
                    {text("tagline")}
                    {text("date", (row.code.trim() && marketDate(row.code.trim(), campaign.releaseDate)) || undefined)}
                    {text("system")}
                    {text("rating")}
                    {text("descriptors")}
                    <td className="px-1.5 py-1.5 align-top">
                      <PlacementsCell
                        label={rowName(i)}
                        value={row.placements}
                        defaults={defaults}
                        error={cell("placements")}
                        errorId={errorId("placements")}
                        onChange={(placements) => setCell(row.key, { placements })}
                      />
                    </td>
                    <td className="px-1.5 py-1.5 align-top">
                      <button
                        type="button"
                        className="rounded-md border border-edge px-2 py-1 text-base leading-none text-muted hover:border-danger hover:text-danger"
                        aria-label={`Remove ${rowName(i)}`}
                        title="Remove this market"
                        onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <fieldset disabled={disabled} className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            className={button}
            disabled={rows.length >= MAX_MARKETS}
            onClick={() => setRows((all) => [...all, emptyRow()])}
          >
            Add market
          </button>
          <button
            type="submit"
            disabled={busy || !dirty}
            className="rounded-md bg-accent px-5 py-2 text-sm font-semibold text-ink disabled:opacity-50"
          >
            {busy ? "Saving…" : "Save markets"}
          </button>
          {dirty && (
            <button
              type="button"
              className={button}
              onClick={() => {
                reset(campaign);
                setMessage("");
              }}
            >
              Discard changes
            </button>
          )}
          {dirty && !busy && <span className="text-sm text-muted">Unsaved changes</span>}
        </fieldset>
        <p role="status" className={`min-h-5 text-sm ${problems.list.length ? "text-danger" : "text-muted"}`}>
          {message}
        </p>
      </form>
      <MarketsImport
        campaignId={campaign.id}
        disabled={disabled}
        dirty={dirty}
        onImported={(view) => {
          reset(view);
          props.onChange(view);
        }}
      />
    </div>
  );
}

/** A market's placements: the defaults (its national poster and the campaign's), or its own pick. */
function PlacementsCell(props: {
  label: string;
  value: PlacementId[] | null;
  defaults: PlacementId[];
  error?: string;
  errorId: string;
  onChange: (placements: PlacementId[] | null) => void;
}) {
  const shown = props.value ?? props.defaults;
  const toggle = (id: PlacementId, on: boolean) => {
    const next = on ? [...shown, id] : shown.filter((p) => p !== id);
    props.onChange(PLACEMENTS.map((p) => p.id).filter((p) => next.includes(p)));
  };
  return (
    <details className="w-44 text-sm">
      <summary
        className="cursor-pointer rounded border border-edge bg-ink px-2 py-1.5 aria-[invalid=true]:border-danger"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? props.errorId : undefined}
      >
        {props.value ? `${shown.length} placements` : `Default: ${shown.length}`}
        <span className="sr-only">, placements of {props.label}</span>
        <span className="block truncate text-xs text-muted">{shown.map(placementLabel).join(", ")}</span>
      </summary>
      <fieldset className="mt-2 space-y-1">
        <legend className="sr-only">Placements of {props.label}</legend>
        {PLACEMENTS.map((p) => (
          <label key={p.id} className="flex items-center gap-2 text-xs">
            <input type="checkbox" checked={shown.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
            {p.label}
          </label>
        ))}
        {props.value && (
          <button type="button" className="mt-1 text-xs text-accent underline" onClick={() => props.onChange(null)}>
            Use the defaults
          </button>
        )}
      </fieldset>
      {props.error && (
        <p id={props.errorId} className="mt-1 text-xs text-danger">
          {props.error}
        </p>
      )}
    </details>
  );
}
