"use client";

import Link from "next/link";
import { useState } from "react";
import type { BoardSummary } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import { formatPrice } from "@/lib/models";
import { formatCents, toCents } from "@/lib/money";
import type { PackFormatView, PackJobView } from "@/lib/pack/types";
import { PackProgress } from "./pack-progress";
import { usePackJob } from "./use-pack-job";

// Every format from one key art: pick placements, see the price and what each will be (its method, delivery pixels
// or print resolution), make them — as a job, each its own poster with the design re-laid for its shape — watch them
// fill in, download the ZIP, and optionally put them on a board in the same step.

const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";

function methodLabel(format: PackFormatView): string {
  if (format.method === "crop") {
    const trimmed = format.lossPercent ? ` (${format.lossPercent}% trimmed)` : "";
    return format.upscale ? `Crop + Fast Upscale · ${formatPrice(format.price)}` : `Crop · free${trimmed}`;
  }
  if (format.method === "reframe") {
    return `Reframe${format.upscale ? " + Fast Upscale" : ""} · ${formatPrice(format.price)}`;
  }
  return "Not possible";
}

/** What the file will be: a screen placement's exact pixels, or a printed one's resolution at its size. */
function deliveryLabel(format: PackFormatView): string | undefined {
  if (format.deliverPx) {
    const art = format.artPx;
    const from = art && (art.width < format.deliverPx.width || art.height < format.deliverPx.height);
    return `Delivered at ${format.deliverPx.width}×${format.deliverPx.height} px${from && art ? ` (enlarged from ${art.width}×${art.height})` : ""}`;
  }
  if (format.effectivePpi !== undefined && format.printIn) {
    return `${format.effectivePpi} ppi at ${format.printIn.width}×${format.printIn.height} in`;
  }
  return undefined;
}

// The API states each format's price in USD; the total is added up in cents.
const totalCents = (formats: readonly PackFormatView[]) => formats.reduce((cents, f) => cents + toCents(f.price), 0);

export function FormatPack(props: {
  posterId: string;
  designed: boolean;
  formats: PackFormatView[];
  /** The poster's latest pack: followed again if it is still running. */
  latest?: PackJobView;
  boards: BoardSummary[];
}) {
  const reachable = props.formats.filter((f) => f.method !== "unavailable");
  const [chosen, setChosen] = useState<string[]>([]);
  const [board, setBoard] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState("");
  const pack = usePackJob(props.latest);
  const busy = sending || pack.running;

  const picked = props.formats.filter((f) => chosen.includes(f.id));
  const price = totalCents(picked);
  const reframes = picked.filter((f) => f.method === "reframe").length;
  const upscales = picked.filter((f) => f.upscale).length;
  const soft = picked.filter((f) => f.ppiWarning);

  const toggle = (id: string, on: boolean) => setChosen((now) => (on ? [...now, id] : now.filter((c) => c !== id)));

  async function run(event: React.FormEvent) {
    event.preventDefault();
    setSending(true);
    setError("");
    try {
      const queued = await api.makePack(props.posterId, { formats: chosen, ...(board ? { boardId: board } : {}) });
      pack.follow(queued.statusUrl);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "Couldn't start the pack: try again.");
    } finally {
      setSending(false);
    }
  }

  const parts = [
    `${picked.length} format${picked.length > 1 ? "s" : ""}`,
    `${reframes} reframe${reframes === 1 ? "" : "s"}`,
    ...(upscales ? [`${upscales} upscale${upscales === 1 ? "" : "s"}`] : []),
  ];

  return (
    <section
      id="pack"
      aria-labelledby="pack-heading"
      className="@container space-y-5 rounded-lg border border-edge bg-panel p-4 sm:p-6"
    >
      <div className="space-y-1">
        <h2 id="pack-heading" className="font-display text-3xl tracking-wide">
          Format pack
        </h2>
        <p className="text-sm text-muted">
          Every placement from this key art, each its own poster. A crop is free when the art already covers the shape;
          otherwise Reframe extends the art. Screen placements are delivered at exactly their pixels.{" "}
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
                onClick={() => setChosen(reachable.filter((f) => f.price === 0).map((f) => f.id))}
              >
                Free crops
              </button>
              <button type="button" className={button} onClick={() => setChosen([])}>
                None
              </button>
            </span>
          </legend>
          <div className="grid grid-cols-[minmax(0,1fr)] gap-2 @sm:grid-cols-2 @3xl:grid-cols-3">
            {props.formats.map((format) => {
              const disabled = format.method === "unavailable";
              const delivery = deliveryLabel(format);
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
                    disabled={disabled || busy}
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
                    {!disabled && delivery && (
                      <span className={`block text-xs ${format.ppiWarning ? "text-danger" : "text-muted"}`}>
                        {delivery}
                        {format.ppiWarning ? ": soft in print" : ""}
                      </span>
                    )}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
        {soft.length > 0 && (
          <p className="text-sm text-danger">
            {soft.map((f) => `${f.label}: ${f.ppiWarning}`).join(" ")}{" "}
            <Link href={`/posters/${props.posterId}?develop=upscale#develop`} className="underline">
              Upscale the key art
            </Link>
          </p>
        )}
        <div className="flex flex-wrap items-end gap-3 text-sm">
          {props.boards.length > 0 && (
            <div className="flex flex-col gap-1">
              <label htmlFor="pack-board">Also add to board</label>
              <select
                id="pack-board"
                value={board}
                onChange={(e) => setBoard(e.target.value)}
                disabled={busy}
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
          <p className="text-muted" aria-live="polite">
            {picked.length === 0 ? "Pick the formats to make." : `${parts.join(", ")} · ${formatCents(price)}`}
          </p>
          <button
            type="submit"
            disabled={picked.length === 0 || busy}
            aria-busy={busy}
            className="rounded-md bg-accent px-4 py-2 font-semibold text-ink hover:brightness-110 disabled:cursor-not-allowed disabled:bg-edge disabled:text-muted disabled:hover:brightness-100"
          >
            {pack.running
              ? "Making the pack…"
              : sending
                ? "Starting…"
                : picked.length === 0
                  ? "Make pack"
                  : `Make pack · ${formatCents(price)}`}
          </button>
        </div>
        {(error || pack.error) && (
          <p role="alert" className="text-sm text-danger">
            {error || pack.error}
          </p>
        )}
      </form>
      {pack.job && <PackProgress job={pack.job} running={pack.running} />}
    </section>
  );
}
