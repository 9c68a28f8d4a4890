"use client";

import Link from "next/link";
import { useState } from "react";
import type { BoardSummary } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import { formatPrice } from "@/lib/models";
import type { PackFormatView, PackResult } from "@/lib/pack/types";
import { findPlacement } from "@/lib/print/placements";

// Every format from one key art: pick placements, see the price, make them (each its own poster, the design re-laid
// for its shape), review them together, download the ZIP, and optionally put them on a board in the same step.

const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";

function methodLabel(format: PackFormatView): string {
  if (format.method === "crop") return `Crop · free${format.lossPercent ? ` (${format.lossPercent}% trimmed)` : ""}`;
  if (format.method === "reframe") return `Reframe · ${formatPrice(format.price)}`;
  return "Not possible";
}

export function FormatPack(props: {
  posterId: string;
  designed: boolean;
  formats: PackFormatView[];
  maxReframes: number;
  boards: BoardSummary[];
}) {
  const reachable = props.formats.filter((f) => f.method !== "unavailable");
  const [chosen, setChosen] = useState<string[]>([]);
  const [board, setBoard] = useState("");
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<PackResult>();
  const [error, setError] = useState("");

  const picked = props.formats.filter((f) => chosen.includes(f.id));
  const price = picked.reduce((sum, f) => sum + f.price, 0);
  const reframes = picked.filter((f) => f.method === "reframe").length;
  const tooMany = reframes > props.maxReframes;

  const toggle = (id: string, on: boolean) => setChosen((now) => (on ? [...now, id] : now.filter((c) => c !== id)));

  async function run(event: React.FormEvent) {
    event.preventDefault();
    setRunning(true);
    setError("");
    try {
      setResult(await api.makePack(props.posterId, { formats: chosen, ...(board ? { boardId: board } : {}) }));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "Couldn't make the pack: try again.");
    } finally {
      setRunning(false);
    }
  }

  return (
    <section
      id="pack"
      aria-labelledby="pack-heading"
      className="space-y-5 rounded-lg border border-edge bg-panel p-4 sm:p-6"
    >
      <div className="space-y-1">
        <h2 id="pack-heading" className="font-display text-3xl tracking-wide">
          Format pack
        </h2>
        <p className="text-sm text-muted">
          Every placement from this key art, each its own poster. A crop is free when the art already covers the shape;
          otherwise Reframe extends the art.{" "}
          {props.designed
            ? "The lettering is laid out again for each shape."
            : "This poster has no design yet: the pack is plain art (design it first to letter every format)."}
        </p>
      </div>
      <form onSubmit={run} className="space-y-4" aria-label="Format pack">
        <fieldset className="space-y-2">
          <legend className="mb-2 flex w-full flex-wrap items-center justify-between gap-2 text-sm font-medium">
            <span>Formats</span>
            <span className="flex gap-2">
              <button
                type="button"
                className={button}
                onClick={() => setChosen(reachable.filter((f) => f.method === "crop").map((f) => f.id))}
              >
                Free crops
              </button>
              <button type="button" className={button} onClick={() => setChosen([])}>
                None
              </button>
            </span>
          </legend>
          <div className="grid grid-cols-[minmax(0,1fr)] gap-2 sm:grid-cols-2 xl:grid-cols-3">
            {props.formats.map((format) => {
              const disabled = format.method === "unavailable";
              return (
                <label
                  key={format.id}
                  title={format.reason}
                  className={`flex min-w-0 items-start gap-3 rounded-md border border-edge p-3 text-sm ${disabled ? "opacity-60" : "cursor-pointer hover:border-accent"} has-[:checked]:border-accent`}
                >
                  <input
                    type="checkbox"
                    name="formats"
                    value={format.id}
                    checked={chosen.includes(format.id)}
                    disabled={disabled || running}
                    onChange={(e) => toggle(format.id, e.target.checked)}
                    className="mt-1"
                  />
                  <span className="min-w-0 space-y-0.5">
                    <span className="block font-medium">
                      {format.label} <span className="text-muted">{format.ratio}</span>
                    </span>
                    <span className="block text-xs text-muted">{format.use}</span>
                    <span className={`block text-xs ${disabled ? "text-danger" : ""}`}>
                      {disabled ? format.reason : methodLabel(format)}
                    </span>
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
        <div className="flex flex-wrap items-end gap-3 text-sm">
          {props.boards.length > 0 && (
            <div className="flex flex-col gap-1">
              <label htmlFor="pack-board">Also add to board</label>
              <select
                id="pack-board"
                value={board}
                onChange={(e) => setBoard(e.target.value)}
                disabled={running}
                className="rounded-md border border-edge bg-ink px-2 py-1.5"
              >
                <option value="">No board</option>
                {props.boards.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <p className={tooMany ? "text-danger" : "text-muted"} aria-live="polite">
            {picked.length === 0
              ? "Pick the formats to make."
              : tooMany
                ? `${reframes} reframes: a pack makes at most ${props.maxReframes}. Make the rest in a second pack.`
                : `${picked.length} format${picked.length > 1 ? "s" : ""}: ${reframes} reframe${reframes === 1 ? "" : "s"}, ${picked.length - reframes} crop${picked.length - reframes === 1 ? "" : "s"} · ${formatPrice(price)}`}
          </p>
          <button
            type="submit"
            disabled={picked.length === 0 || tooMany || running}
            aria-busy={running}
            className="rounded-md bg-accent px-4 py-2 font-semibold text-ink hover:brightness-110 disabled:opacity-60"
          >
            {running ? `Making ${picked.length} formats…` : `Make pack · ${formatPrice(price)}`}
          </button>
        </div>
        {error && (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        )}
      </form>
      {result && <PackResults result={result} />}
    </section>
  );
}

function PackResults({ result }: { result: PackResult }) {
  return (
    <section className="space-y-4 border-t border-edge pt-4" aria-label="The pack">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="text-sm">
          {result.posters.length} format{result.posters.length > 1 ? "s" : ""} made · {formatPrice(result.charged)}{" "}
          charged
          {result.board ? (result.board.added ? " · added to the board" : ` · ${result.board.message}`) : ""}
        </p>
        <a href={result.zipUrl} download className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-ink">
          Download ZIP
        </a>
      </div>
      {result.failed.length > 0 && (
        <ul className="space-y-1 text-sm text-danger" aria-label="Formats that failed">
          {result.failed.map((f) => (
            <li key={f.format}>
              {findPlacement(f.format)?.label ?? f.format}: {f.message} Not charged.
            </li>
          ))}
        </ul>
      )}
      <ul className="grid grid-cols-2 items-end gap-4 sm:grid-cols-3 lg:grid-cols-4">
        {result.posters.map((poster) => {
          const placement = findPlacement(String(poster.inputs?.placement ?? ""));
          const label = `${placement?.label ?? "Format"} ${placement?.ratio ?? ""}`;
          return (
            <li key={poster.id} className="min-w-0 space-y-1">
              <Link href={`/posters/${poster.id}`} className="block rounded-md border border-edge hover:border-accent">
                {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
                <img
                  src={poster.thumbnailUrl}
                  alt={label}
                  width={poster.width}
                  height={poster.height}
                  className="h-auto max-h-64 w-full rounded-md object-contain"
                />
              </Link>
              <p className="truncate text-xs">
                <span className="font-medium">{label}</span>{" "}
                <span className="text-muted">
                  {poster.width}×{poster.height} · {poster.operation === "crop" ? "crop" : "reframe"}
                </span>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
