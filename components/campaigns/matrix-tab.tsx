"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { BoardView } from "@/lib/api-types";
import type { CampaignView, CellView, DeliverablesQueued, DeliverablesView } from "@/lib/campaigns/types";
import { ApiError, api } from "@/lib/client/api";
import { type Actor, mayArrangeBoard } from "@/lib/permissions";
import { findPlacement, PLACEMENTS, type PlacementId } from "@/lib/print/placements";
import { BoardPicker, type PickableBoard } from "../boards/board-picker";
import { dollars, plural } from "./format";
import type { CampaignTab } from "./tabs";
import { useZipDownload } from "./use-zip-download";

// The deliverables matrix: markets down, placements across, each cell a poster made from one key art (its
// placement's art, lettered in the market's words under the kit). A run is a job: it answers at once with what it
// will make and cost, and the grid fills in as cells are made (polled while any is queued; closing the page
// doesn't stop it). A failed cell says why and can be tried again on its own; a cell made from inputs that have
// changed since is marked out of date (a run remakes it). Made cells open their poster, go onto a board, and
// download as a ZIP per market or all at once.

const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";
const select = "rounded-md border border-edge bg-panel px-2 py-1.5 text-sm";
const ALL = "";

type Matrix = { view: DeliverablesView; error: string; following: boolean; refresh: () => void };

const labelOf = (placement: string) => findPlacement(placement)?.label ?? placement;
const keyOf = (market: string, placement: string) => `${market}|${placement}`;

export function MatrixTab(props: {
  campaign: CampaignView;
  canChange: boolean;
  viewer: Actor;
  matrix: Matrix;
  go: (tab: CampaignTab) => void;
}) {
  const { campaign, matrix } = props;
  const { view } = matrix;
  const cells = new Map(view.cells.map((c) => [keyOf(c.market, c.placement), c]));
  const [marketFilter, setMarketFilter] = useState(ALL);
  const [placementFilter, setPlacementFilter] = useState(ALL);
  const [selected, setSelected] = useState<string[]>([]);
  const [notice, setNotice] = useState("");
  const zip = useZipDownload(campaign.id);

  // Columns: every placement a market ships or a cell holds, in the catalogue's order.
  const used = new Set<string>([
    ...campaign.markets.flatMap((m) => m.placements),
    ...view.cells.map((c) => c.placement),
  ]);
  const columns = PLACEMENTS.filter((p) => used.has(p.id) && (!placementFilter || p.id === placementFilter));
  const rows = campaign.markets.filter((m) => !marketFilter || m.code === marketFilter);
  const keyArtIndex = new Map(campaign.keyArt.map((p, i) => [p.id, i]));
  const madeIds = view.cells.flatMap((c) => (c.status === "done" && c.posterId ? [c.posterId] : []));
  const chosen = selected.filter((id) => madeIds.includes(id));

  async function retry(cell: CellView) {
    const keyArt = keyArtIndex.has(cell.keyArtId) ? cell.keyArtId : campaign.keyArt[0]?.id;
    if (!keyArt) return;
    try {
      await api.runDeliverables(campaign.id, { keyArt, markets: [cell.market], placements: [cell.placement] });
      setNotice(`Trying ${cell.market} · ${labelOf(cell.placement)} again.`);
      matrix.refresh();
    } catch (error) {
      setNotice(error instanceof ApiError ? error.message : "Couldn't try again: try once more.");
    }
  }

  const totals = view.totals;
  const summary =
    totals.total === 0
      ? "Nothing made yet."
      : `${plural(totals.total, "deliverable")}: ${totals.done} made${totals.queued ? `, ${totals.queued} being made` : ""}${totals.failed ? `, ${totals.failed} failed` : ""}${totals.outOfDate ? `, ${totals.outOfDate} out of date` : ""} · ${dollars(view.spent)} spent`;

  return (
    <div className="min-w-0 space-y-6">
      <div className="space-y-1">
        <h2 className="font-display text-3xl tracking-wide">Matrix</h2>
        <p className="max-w-3xl text-sm text-muted">
          Every market × placement from one key art. Each placement&apos;s art is made once (a free crop, or a Reframe)
          and shared by every market; each market&apos;s poster is lettered in its own words under the brand kit.
        </p>
      </div>
      <RunForm campaign={campaign} canChange={props.canChange} matrix={matrix} go={props.go} />

      <section aria-labelledby="grid-heading" className="min-w-0 space-y-3">
        <h3 id="grid-heading" className="sr-only">
          Deliverables
        </h3>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="space-y-1">
            <p role="status" className="text-sm">
              {summary}
            </p>
            {matrix.following && (
              <p className="text-xs text-muted">You can leave this page: the run carries on without it.</p>
            )}
            {matrix.error && (
              <p role="alert" className="text-sm text-danger">
                {matrix.error}
              </p>
            )}
          </div>
          <div className="flex flex-wrap items-end gap-3">
            <label className="flex flex-col gap-1 text-sm">
              Market
              <select value={marketFilter} onChange={(e) => setMarketFilter(e.target.value)} className={select}>
                <option value={ALL}>All markets</option>
                {campaign.markets.map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.code} — {m.title}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm">
              Placement
              <select value={placementFilter} onChange={(e) => setPlacementFilter(e.target.value)} className={select}>
                <option value={ALL}>All placements</option>
                {PLACEMENTS.filter((p) => used.has(p.id)).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className={button}
              disabled={totals.done === 0 || zip.making !== null}
              onClick={() => zip.download()}
              title="Every market: a PNG and a layered PSD per placement, a print-master PDF per printed one, and a manifest"
            >
              {zip.making === "all" ? "Making the ZIP…" : "Download all"}
            </button>
          </div>
        </div>
        {totals.queued > 0 && (
          <progress
            className="h-1.5 w-full accent-accent"
            max={totals.total}
            value={totals.done + totals.failed}
            aria-label={`${totals.done + totals.failed} of ${totals.total} deliverables finished`}
          />
        )}
        <p role="status" className="text-sm text-muted">
          {zip.message || notice}
        </p>
        {totals.done > 0 && !zip.message && (
          <p className="text-xs text-muted">
            A ZIP holds a PNG and a layered PSD of each placement, a print-master PDF of each printed one, and a
            manifest.
          </p>
        )}

        {madeIds.length > 0 && (
          <div className="flex flex-wrap items-center gap-3 text-sm text-muted">
            <span>Open a deliverable to see it full size; tick some to add them to a board.</span>
            <button type="button" className={button} onClick={() => setSelected(madeIds)}>
              Select all made
            </button>
          </div>
        )}
        {rows.length === 0 || columns.length === 0 ? (
          <p className="text-sm text-muted">
            {campaign.markets.length === 0 ? "Add markets first: they are the matrix's rows." : "Nothing to show."}
          </p>
        ) : (
          // The grid scrolls sideways inside its own box on a narrow screen; the page itself never does.
          <section
            aria-label="Deliverables matrix"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable from the keyboard
            tabIndex={0}
            className="relative w-fit max-w-full overflow-x-auto rounded-lg border border-edge"
          >
            <table className="w-max border-collapse text-sm">
              <thead>
                <tr className="bg-panel">
                  <th scope="col" className="sticky left-0 z-10 bg-panel px-2 py-2 text-left font-medium sm:px-3">
                    Market
                  </th>
                  {columns.map((p) => (
                    <th key={p.id} scope="col" className="px-2 py-2 text-left align-bottom font-medium">
                      <span className="block">{p.label}</span>
                      <span className="block text-xs font-normal text-muted">{p.ratio}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((market) => {
                  const made = view.cells.some((c) => c.market === market.code && c.status === "done");
                  return (
                    <tr key={market.code} className="border-t border-edge">
                      <th
                        scope="row"
                        className="sticky left-0 z-10 w-24 bg-ink px-2 py-2 text-left align-top font-normal sm:w-32 sm:px-3"
                      >
                        <span className="block font-semibold">{market.code}</span>
                        <span className="block max-w-20 break-words text-xs text-muted sm:max-w-28">
                          {market.title}
                        </span>
                        <button
                          type="button"
                          className="mt-2 rounded border border-edge px-2 py-1 text-xs hover:border-accent disabled:opacity-50"
                          disabled={!made || zip.making !== null}
                          onClick={() => zip.download(market.code)}
                          aria-label={`Download the ${market.code} ZIP`}
                        >
                          {zip.making === market.code ? (
                            "Making…"
                          ) : (
                            <>
                              <span className="sm:hidden">ZIP</span>
                              <span className="hidden sm:inline">Download ZIP</span>
                            </>
                          )}
                        </button>
                      </th>
                      {columns.map((p) => (
                        <td key={p.id} className="px-2 py-2 align-top">
                          <MatrixCell
                            market={market.code}
                            placement={p.id}
                            ships={market.placements.includes(p.id)}
                            cell={cells.get(keyOf(market.code, p.id))}
                            keyArtNumber={(id) => (campaign.keyArt.length > 1 ? keyArtIndex.get(id) : undefined)}
                            selected={selected}
                            onSelect={(id, on) =>
                              setSelected((now) => (on ? [...now, id] : now.filter((s) => s !== id)))
                            }
                            onRetry={props.canChange ? retry : undefined}
                          />
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        )}
      </section>
      {chosen.length > 0 && <SelectedCells ids={chosen} viewer={props.viewer} onClear={() => setSelected([])} />}
    </div>
  );
}

/** Which key art, which markets, which placements: then Run, which says what it makes and costs. */
function RunForm(props: {
  campaign: CampaignView;
  canChange: boolean;
  matrix: Matrix;
  go: (tab: CampaignTab) => void;
}) {
  const { campaign, matrix } = props;
  const lastKeyArt = matrix.view.cells.at(-1)?.keyArtId;
  const [keyArt, setKeyArt] = useState(
    campaign.keyArt.find((p) => p.id === lastKeyArt)?.id ?? campaign.keyArt[0]?.id ?? "",
  );
  const [markets, setMarkets] = useState<string[] | null>(null);
  const [only, setOnly] = useState<PlacementId[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState<DeliverablesQueued | null>(null);
  const [error, setError] = useState("");

  // A key art taken out of the campaign can't be run: fall back on the first.
  useEffect(() => {
    if (!campaign.keyArt.some((p) => p.id === keyArt)) setKeyArt(campaign.keyArt[0]?.id ?? "");
  }, [campaign.keyArt, keyArt]);

  const codes = campaign.markets.map((m) => m.code);
  const pickedMarkets = (markets ?? codes).filter((c) => codes.includes(c));
  const asked = campaign.markets
    .filter((m) => pickedMarkets.includes(m.code))
    .reduce((n, m) => n + (only ?? m.placements).length, 0);

  if (campaign.keyArt.length === 0 || campaign.markets.length === 0) {
    return (
      <div className="rounded-lg border border-accent/50 p-4 text-sm">
        <p className="mb-2 font-medium">Before the first run:</p>
        <ul className="list-disc space-y-1 pl-5">
          {campaign.keyArt.length === 0 && (
            <li>
              Add key art in{" "}
              <button type="button" className="text-accent underline" onClick={() => props.go("overview")}>
                Overview
              </button>
              .
            </li>
          )}
          {campaign.markets.length === 0 && (
            <li>
              Add the markets in{" "}
              <button type="button" className="text-accent underline" onClick={() => props.go("markets")}>
                Markets
              </button>
              .
            </li>
          )}
        </ul>
      </div>
    );
  }

  async function run(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError("");
    setQueued(null);
    try {
      const answer = await api.runDeliverables(campaign.id, {
        keyArt,
        ...(markets && pickedMarkets.length < codes.length ? { markets: pickedMarkets } : {}),
        ...(only ? { placements: only } : {}),
      });
      setQueued(answer);
      matrix.refresh();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "Couldn't start the run: try again.");
    } finally {
      setBusy(false);
    }
  }

  const toggleMarket = (code: string, on: boolean) =>
    setMarkets(on ? [...pickedMarkets, code] : pickedMarkets.filter((c) => c !== code));
  const togglePlacement = (id: PlacementId, on: boolean) => {
    const now = only ?? [];
    const next = on ? [...now, id] : now.filter((p) => p !== id);
    setOnly(PLACEMENTS.map((p) => p.id).filter((p) => next.includes(p)));
  };

  return (
    <form onSubmit={run} aria-label="Run the matrix" className="space-y-4 rounded-lg border border-edge bg-panel p-4">
      <fieldset
        disabled={!props.canChange || busy}
        className="grid grid-cols-[minmax(0,1fr)] gap-4 md:grid-cols-2 lg:grid-cols-[minmax(0,18rem)_minmax(0,1fr)_minmax(0,1fr)]"
      >
        <fieldset className="min-w-0 md:col-span-2 lg:col-span-1">
          <legend className="mb-2 text-sm font-medium">Key art</legend>
          <div className="relative flex gap-2 overflow-x-auto pb-1">
            {campaign.keyArt.map((poster, i) => (
              <label
                key={poster.id}
                className="w-16 shrink-0 cursor-pointer rounded-md border-2 border-transparent p-0.5 has-[:checked]:border-accent has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent"
              >
                <input
                  type="radio"
                  name="keyArt"
                  value={poster.id}
                  checked={keyArt === poster.id}
                  onChange={() => setKeyArt(poster.id)}
                  className="sr-only"
                />
                {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
                <img
                  src={poster.thumbnailUrl}
                  alt=""
                  width={poster.width}
                  height={poster.height}
                  className="aspect-[2/3] h-auto w-full rounded object-cover"
                />
                <span className="block text-center text-xs">Key art {i + 1}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-2 text-sm font-medium">Markets</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {campaign.markets.map((m) => (
              <label key={m.code} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={pickedMarkets.includes(m.code)}
                  onChange={(e) => toggleMarket(m.code, e.target.checked)}
                />
                {m.code}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-2 text-sm font-medium">Placements</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="placements-mode" checked={only === null} onChange={() => setOnly(null)} />
            Each market&apos;s own
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="placements-mode" checked={only !== null} onChange={() => setOnly([])} />
            Only these:
          </label>
          {only !== null && (
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 pl-6">
              {PLACEMENTS.map((p) => (
                <label key={p.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={only.includes(p.id)}
                    onChange={(e) => togglePlacement(p.id, e.target.checked)}
                  />
                  {p.label}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        {matrix.view.totals.outOfDate > 0 && (
          <p className="text-sm text-accent md:col-span-2 lg:col-span-3">
            {plural(matrix.view.totals.outOfDate, "deliverable is", "deliverables are")} out of date: the kit, a market
            or the key art changed since {matrix.view.totals.outOfDate === 1 ? "it was" : "they were"} made. Run the
            matrix to remake {matrix.view.totals.outOfDate === 1 ? "it" : "them"}.
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3 md:col-span-2 lg:col-span-3">
          <button
            type="submit"
            disabled={!keyArt || asked === 0}
            aria-busy={busy}
            className="rounded-md bg-accent px-5 py-2 text-sm font-semibold text-ink hover:brightness-110 disabled:cursor-not-allowed disabled:bg-edge disabled:text-muted"
          >
            {busy ? "Starting…" : `Run the matrix · ${plural(asked, "deliverable")}`}
          </button>
          <span className="text-sm text-muted">
            Cells already made from the same key art, kit and market are left as they are.
          </span>
        </div>
      </fieldset>
      {!props.canChange && (
        <p className="text-sm text-muted">Only whoever made the campaign, or an admin, can run it.</p>
      )}
      <div role="status" className="text-sm">
        {queued &&
          (queued.cells === 0 ? (
            <p>Everything asked for is up to date: nothing to make.</p>
          ) : (
            <p>
              Started: {plural(queued.cells, "deliverable")} to make
              {queued.upToDate ? ` (${queued.upToDate} already up to date)` : ""} ·{" "}
              <strong>{dollars(queued.price)}</strong> · {plural(queued.modelCalls, "model call")}
            </p>
          ))}
      </div>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </form>
  );
}

function MatrixCell(props: {
  market: string;
  placement: PlacementId;
  ships: boolean;
  cell: CellView | undefined;
  keyArtNumber: (keyArtId: string) => number | undefined;
  selected: string[];
  onSelect: (posterId: string, on: boolean) => void;
  onRetry?: (cell: CellView) => void;
}) {
  const { cell } = props;
  const name = `${props.market} · ${labelOf(props.placement)}`;
  const box = "flex h-36 w-28 flex-col items-center justify-center rounded-md border p-2 text-center text-xs";
  if (!cell) {
    return props.ships ? (
      <div className={`${box} border-dashed border-edge text-muted`}>Not made yet</div>
    ) : (
      <div className={`${box} border-transparent text-muted`}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">Not shipped in {props.market}</span>
      </div>
    );
  }
  const keyArt = props.keyArtNumber(cell.keyArtId);
  const badges = (
    <>
      {keyArt !== undefined && <span className="text-muted">Key art {keyArt + 1}</span>}
      {cell.outOfDate && (
        <span className="rounded bg-accent/20 px-1.5 py-0.5 font-medium text-accent">Out of date</span>
      )}
    </>
  );
  if (cell.status === "queued") {
    return (
      <div className={`${box} gap-2 border-edge text-muted`} data-status="queued">
        <span
          aria-hidden="true"
          className="h-6 w-6 animate-spin rounded-full border-2 border-edge border-t-accent motion-reduce:animate-none"
        />
        <span>Making…</span>
        {badges}
      </div>
    );
  }
  if (cell.status === "failed") {
    return (
      <div className={`${box} gap-1 border-danger/60 text-danger`} data-status="failed">
        <span className="font-medium">Failed</span>
        <span className="line-clamp-4 break-words">{cell.error?.message ?? "This deliverable couldn't be made."}</span>
        {props.onRetry && (
          <button
            type="button"
            onClick={() => props.onRetry?.(cell)}
            className="mt-1 rounded border border-edge px-2 py-0.5 text-white hover:border-accent"
            aria-label={`Retry ${name}`}
          >
            Retry
          </button>
        )}
      </div>
    );
  }
  const posterId = cell.posterId;
  return (
    <div className="relative w-28 space-y-1 text-xs" data-status="done">
      {posterId && cell.thumbnailUrl ? (
        <Link
          href={`/posters/${posterId}`}
          className="flex h-28 w-28 items-center justify-center rounded-md border border-edge bg-panel hover:border-accent"
        >
          {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
          <img
            src={cell.thumbnailUrl}
            alt={name}
            width={cell.width}
            height={cell.height}
            loading="lazy"
            className="max-h-full max-w-full object-contain"
          />
        </Link>
      ) : (
        <div className={`${box} border-edge text-muted`}>Made</div>
      )}
      <div className="flex flex-wrap items-center gap-1">
        {posterId && (
          <label className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={props.selected.includes(posterId)}
              onChange={(e) => props.onSelect(posterId, e.target.checked)}
            />
            <span className="sr-only">Select {name}</span>
            {cell.width && cell.height ? (
              <span className="text-muted tabular-nums">
                {cell.width}×{cell.height}
              </span>
            ) : null}
          </label>
        )}
        {badges}
      </div>
    </div>
  );
}

/** The picked cells' posters onto a board (one of mine, or a new one), as the gallery's selection bar does. */
function SelectedCells(props: { ids: string[]; viewer: Actor; onClear: () => void }) {
  const [boards, setBoards] = useState<PickableBoard[] | null>(null);
  const [message, setMessage] = useState("");

  useEffect(() => {
    api
      .listBoards()
      .then((page) => setBoards(page.boards.filter((b) => mayArrangeBoard(props.viewer, b))))
      .catch(() => setBoards([]));
  }, [props.viewer]);

  async function addAll(boardId: string): Promise<BoardView> {
    let board: BoardView | undefined;
    for (const id of props.ids) board = await api.addToBoard(boardId, id);
    if (!board) throw new Error("Select the deliverables to add first.");
    return board;
  }

  return (
    <section
      aria-label="Selected deliverables"
      className="sticky bottom-0 z-20 flex flex-wrap items-end gap-x-4 gap-y-3 rounded-lg border border-edge bg-panel/95 p-3 shadow-[0_-8px_24px_rgba(0,0,0,0.5)] backdrop-blur"
    >
      <div className="flex items-center gap-3 self-center">
        <p className="text-sm font-semibold" aria-live="polite">
          {props.ids.length} selected
        </p>
        <button type="button" onClick={props.onClear} className={button}>
          Clear<span className="sr-only"> selection</span>
        </button>
      </div>
      {boards && (
        <BoardPicker
          boards={boards}
          add={addAll}
          buttonLabel={`Add ${props.ids.length} to board`}
          done={(board) => setMessage(`Added ${plural(props.ids.length, "deliverable")} to “${board.name}”.`)}
          fail={setMessage}
        />
      )}
      <p role="status" className="min-h-5 w-full text-sm text-muted">
        {message}
      </p>
    </section>
  );
}
