"use client";

import { Fragment, useState } from "react";
import { marketDate } from "@/lib/campaigns/design";
import { defaultPlacements } from "@/lib/campaigns/markets";
import { pathErrors } from "@/lib/campaigns/request-errors";
import { MAX_MARKETS, marketsSchema } from "@/lib/campaigns/schema";
import type { CampaignView } from "@/lib/campaigns/types";
import { ApiError, api } from "@/lib/client/api";
import { MarketDetails, MarketDetailsToggle } from "./market-details";
import {
  COLUMNS,
  type Column,
  emptyRow,
  inputOf,
  noProblems,
  type Problems,
  problemsOf,
  type RowDraft,
  rowOf,
  settled,
} from "./market-rows";
import { MarketsImport } from "./markets-import";
import { PlacementsCell } from "./placements-cell";

// The campaign's markets as a table edited in place: a row per market (its BCP 47 code, the film's title there, the
// tagline, the date line as the market writes it, the rating its board gave, the placements it ships, and — in a
// panel the row opens — its own title logo and billing). Save sends the whole list; a refusal's messages, keyed by
// row and field ("2.title", "2.credits.0.names"), land on their cells. Or import a spreadsheet (CSV or XLSX).

const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";
const cellInput =
  "rounded border border-edge bg-ink px-2 py-1.5 text-sm placeholder:text-muted/70 aria-[invalid=true]:border-danger";

export function MarketsTab(props: {
  campaign: CampaignView;
  canChange: boolean;
  onChange: (campaign: CampaignView) => void;
}) {
  const { campaign } = props;
  const [rows, setRows] = useState(() => campaign.markets.map(rowOf));
  const [saved, setSaved] = useState(() => JSON.stringify(campaign.markets.map(rowOf).map(inputOf)));
  const [problems, setProblems] = useState<Problems>(noProblems);
  // The rows whose logo-and-billing panel is open, by key.
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  // The title logos' signed URLs, by name: those the campaign came with and any uploaded since.
  const [logoUrls, setLogoUrls] = useState(campaign.logoUrls);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const dirty = JSON.stringify(rows.map(inputOf)) !== saved;
  const disabled = !props.canChange;

  /** Starts again from the campaign as saved; `keepOpen` (a save of these very rows) leaves their panels open. */
  function reset(view: CampaignView, keepOpen = false) {
    const fresh = view.markets.map(rowOf);
    const wasOpen = rows.flatMap((r, i) => (open.has(r.key) ? [i] : []));
    setRows(fresh);
    setSaved(JSON.stringify(fresh.map(inputOf)));
    setProblems(noProblems());
    setOpen(new Set(keepOpen ? wasOpen.flatMap((i) => fresh[i]?.key ?? []) : []));
    setLogoUrls((urls) => ({ ...urls, ...view.logoUrls }));
  }

  /** Shows the problems, opening the panels of the rows whose logo or billing is wrong. */
  function refuse(found: Problems) {
    setProblems(found);
    const keys = Object.keys(found.details).flatMap((i) => rows[Number(i)]?.key ?? []);
    if (keys.length) setOpen((was) => new Set([...was, ...keys]));
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
      refuse(problemsOf(pathErrors(parsed.error.issues)));
      setMessage("Some markets need fixing: see the highlighted cells. Nothing was saved.");
      return;
    }
    setBusy(true);
    try {
      const view = await api.saveMarkets(campaign.id, inputs);
      reset(view, true);
      props.onChange(view);
      setMessage(`Saved ${view.markets.length} ${view.markets.length === 1 ? "market" : "markets"}.`);
    } catch (error) {
      refuse(problemsOf(error instanceof ApiError ? (error.fields ?? {}) : {}));
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
                <th scope="col" className="px-1 py-2 font-medium">
                  <span className="sr-only">Row</span>#
                </th>
                {COLUMNS.map((c) => (
                  <th key={c.id} scope="col" className="px-1 py-2 font-medium">
                    {c.label}
                  </th>
                ))}
                <th scope="col" className="px-1 py-2 font-medium">
                  Logo &amp; billing
                </th>
                <th scope="col" className="px-2 py-2">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr>
                  <td colSpan={COLUMNS.length + 3} className="px-3 py-4 text-muted">
                    No markets yet: add a row, or import a spreadsheet below.
                  </td>
                </tr>
              )}
              {rows.map((row, i) => {
                const cell = (column: Column) => problems.cells[`${i}.${column}`];
                const errorId = (column: Column) => `market-${row.key}-${column}-error`;
                const text = (column: Exclude<Column, "placements">, placeholder?: string) => (
                  <td key={column} className="px-1 py-1.5 align-top">
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
                const panelId = `market-${row.key}-details`;
                const isOpen = open.has(row.key);
                const details = problems.details[i] ?? {};
                return (
                  <Fragment key={row.key}>
                    <tr className="border-t border-edge">
                      <td className="px-2 py-3 align-top text-xs text-muted tabular-nums">{i + 1}</td>
                      {text("code", "fr-FR")}
                      {text("title", campaign.title)}
                      {text("tagline")}
                      {text(
                        "date",
                        (row.code.trim() && marketDate(row.code.trim(), campaign.releaseDate)) || undefined,
                      )}
                      {text("system")}
                      {text("rating")}
                      {text("descriptors")}
                      <td className="px-1 py-1.5 align-top">
                        <PlacementsCell
                          label={rowName(i)}
                          value={row.placements}
                          defaults={defaults}
                          error={cell("placements")}
                          errorId={errorId("placements")}
                          onChange={(placements) => setCell(row.key, { placements })}
                        />
                      </td>
                      <td className="px-1 py-1.5 align-top">
                        <MarketDetailsToggle
                          of={rowName(i)}
                          panelId={panelId}
                          open={isOpen}
                          extras={row}
                          kitHasLogo={Boolean(campaign.kit?.logo)}
                          invalid={Object.keys(details).length > 0}
                          onToggle={() =>
                            setOpen((was) => {
                              const next = new Set(was);
                              if (!next.delete(row.key)) next.add(row.key);
                              return next;
                            })
                          }
                        />
                      </td>
                      <td className="px-1 py-1.5 align-top">
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
                    {isOpen && (
                      <tr id={panelId}>
                        <td colSpan={COLUMNS.length + 3} className="px-1 pb-3">
                          {/* Kept in view while a phone scrolls the table sideways. */}
                          <div className="sticky left-1.5 w-fit">
                            <MarketDetails
                              campaignId={campaign.id}
                              of={rowName(i)}
                              name={row.code.trim() || rowName(i)}
                              idPrefix={`market-${row.key}`}
                              extras={row}
                              kitCredits={campaign.kit?.credits ?? []}
                              kitHasLogo={Boolean(campaign.kit?.logo)}
                              logoUrl={row.logo ? logoUrls[row.logo] : undefined}
                              errors={details}
                              disabled={disabled}
                              onLogo={(logo) => {
                                const url = logo?.url;
                                if (logo && url) setLogoUrls((urls) => ({ ...urls, [logo.logo]: url }));
                                setCell(row.key, { logo: logo?.logo });
                                setProblems((p) => settled(p, i, "logo"));
                              }}
                              onTypedTitle={(typedTitle) => setCell(row.key, { typedTitle })}
                              onCredits={(credits) => {
                                setCell(row.key, { credits });
                                setProblems((p) => settled(p, i, "credits"));
                              }}
                            />
                          </div>
                        </td>
                      </tr>
                    )}
                  </Fragment>
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
