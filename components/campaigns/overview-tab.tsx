"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import type { PosterSummary } from "@/lib/api-types";
import type { CampaignView, DeliverablesView } from "@/lib/campaigns/types";
import { ApiError, api } from "@/lib/client/api";
import { trimText } from "@/lib/display-text";
import { ConfirmButton } from "../confirm-button";
import { dollars } from "./format";
import type { CampaignTab } from "./tabs";

// The campaign at a glance: its key art (teaser, payoff, character posters…) with a picker of the team's recent
// posters to add more, what the matrix has cost so far, and where each step stands.

const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";
const PAGE = 24;

export function OverviewTab(props: {
  campaign: CampaignView;
  canChange: boolean;
  spent: number;
  totals: DeliverablesView["totals"];
  onChange: (campaign: CampaignView) => void;
  go: (tab: CampaignTab) => void;
}) {
  const { campaign } = props;
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [picking, setPicking] = useState(false);
  const pickerId = useId();

  async function remove(poster: PosterSummary) {
    try {
      props.onChange(await api.removeKeyArt(campaign.id, poster.id));
      setMessage("Taken out of the key art (the poster stays in the gallery).");
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't take it out: try again.");
    }
  }

  async function removeCampaign() {
    try {
      await api.deleteCampaign(campaign.id);
      router.push("/campaigns");
      router.refresh();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't delete the campaign: try again.");
    }
  }

  const steps: { tab: CampaignTab; label: string; state: string; done: boolean }[] = [
    {
      tab: "overview",
      label: "Key art",
      state: campaign.keyArt.length ? `${campaign.keyArt.length} added` : "Add a poster below",
      done: campaign.keyArt.length > 0,
    },
    {
      tab: "kit",
      label: "Brand kit",
      state: campaign.kit
        ? `Set${campaign.kit.locked.length ? `, ${campaign.kit.locked.length} locked` : ""}`
        : "Not set",
      done: Boolean(campaign.kit),
    },
    {
      tab: "markets",
      label: "Markets",
      state: campaign.markets.length ? campaign.markets.map((m) => m.code).join(", ") : "None yet",
      done: campaign.markets.length > 0,
    },
    {
      tab: "placements",
      label: "Placements",
      state: `${campaign.placements.length} for new markets`,
      done: campaign.placements.length > 0,
    },
    {
      tab: "matrix",
      label: "Matrix",
      state: props.totals.total
        ? `${props.totals.done} of ${props.totals.total} made${props.totals.failed ? `, ${props.totals.failed} failed` : ""}${props.totals.outOfDate ? `, ${props.totals.outOfDate} out of date` : ""}`
        : "Not run yet",
      done: props.totals.total > 0 && props.totals.done === props.totals.total && !props.totals.outOfDate,
    },
  ];

  return (
    <div className="space-y-8">
      <section aria-labelledby="steps-heading" className="space-y-2">
        <h2 id="steps-heading" className="font-display text-3xl tracking-wide">
          Steps
        </h2>
        <ol className="grid grid-cols-[minmax(0,1fr)] gap-2 sm:grid-cols-2 lg:grid-cols-5">
          {steps.map((step, i) => (
            <li key={step.label}>
              <button
                type="button"
                onClick={() => props.go(step.tab)}
                className={`h-full w-full rounded-md border p-3 text-left text-sm hover:border-accent ${step.done ? "border-edge" : "border-accent/50"}`}
              >
                <span className="block font-medium">
                  {i + 1}. {step.label}
                  <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
                  {step.done && (
                    <span aria-hidden="true" className="ml-1 text-accent">
                      ✓
                    </span>
                  )}
                </span>
                <span className="block break-words text-xs text-muted">{step.state}</span>
              </button>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="key-art-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="key-art-heading" className="font-display text-3xl tracking-wide">
            Key art
          </h2>
          {props.canChange && (
            <button
              type="button"
              className={button}
              aria-expanded={picking}
              aria-controls={pickerId}
              onClick={() => setPicking((p) => !p)}
            >
              {picking ? "Close the gallery" : "Add from the gallery"}
            </button>
          )}
        </div>
        {campaign.keyArt.length === 0 ? (
          <p className="text-sm text-muted">
            No key art yet. Add a poster from the gallery here, or with <strong>Add to campaign</strong> on any
            poster&apos;s page. Every deliverable is made from one key art.
          </p>
        ) : (
          <ul aria-label="Key art" className="relative flex gap-3 overflow-x-auto pb-2">
            {campaign.keyArt.map((poster, i) => (
              <li key={poster.id} className="w-36 shrink-0 space-y-1">
                <Link
                  href={`/posters/${poster.id}`}
                  className="block rounded-md border border-edge hover:border-accent"
                >
                  {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
                  <img
                    src={poster.thumbnailUrl}
                    alt={`Key art ${i + 1}: ${trimText(poster.prompt, 80)}`}
                    width={poster.width}
                    height={poster.height}
                    className="aspect-[2/3] h-auto w-full rounded-md object-cover"
                  />
                </Link>
                <p className="truncate text-xs text-muted" title={poster.prompt}>
                  {i === 0 ? "Cover · " : ""}
                  {poster.width}×{poster.height}
                </p>
                {props.canChange && (
                  <button
                    type="button"
                    className={`${button} w-full text-xs`}
                    onClick={() => remove(poster)}
                    aria-label={`Remove key art ${i + 1}`}
                  >
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {picking && (
          <PosterPicker
            id={pickerId}
            chosen={new Set(campaign.keyArt.map((p) => p.id))}
            add={async (poster) => {
              try {
                props.onChange(await api.addKeyArt(campaign.id, poster.id));
                setMessage("Added to the key art.");
              } catch (error) {
                setMessage(error instanceof ApiError ? error.message : "Couldn't add it: try again.");
              }
            }}
          />
        )}
        <p role="status" className="min-h-5 text-sm text-muted">
          {message}
        </p>
      </section>

      <section aria-labelledby="spending-heading" className="space-y-2">
        <h2 id="spending-heading" className="font-display text-3xl tracking-wide">
          Spending so far
        </h2>
        <p className="text-2xl font-semibold tabular-nums">{dollars(props.spent)}</p>
        <p className="max-w-2xl text-sm text-muted">
          What this campaign&apos;s deliverables have cost: the placements&apos; art, made once per key art and shared
          by every market (crops are free; a Reframe is a model call). Lettering each market costs nothing. It is
          charged to whoever ran the matrix, within the day&apos;s budget.
        </p>
      </section>

      {props.canChange && (
        <section aria-label="Delete campaign" className="border-t border-edge pt-4">
          <ConfirmButton
            label="Delete campaign"
            question={`Delete “${campaign.name}”? Its kit, markets and matrix go; its posters stay in the gallery.`}
            confirmLabel="Delete campaign"
            onConfirm={removeCampaign}
          />
        </section>
      )}
    </div>
  );
}

/** The team's recent posters, newest first, to pick key art from. */
function PosterPicker(props: { id: string; chosen: Set<string>; add: (poster: PosterSummary) => Promise<void> }) {
  const [posters, setPosters] = useState<PosterSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState<string | null>(null);

  async function load(from: string | null) {
    try {
      const page = await api.listPosters(
        new URLSearchParams({ limit: String(PAGE), ...(from ? { cursor: from } : {}) }),
      );
      setPosters((now) => [...(from ? (now ?? []) : []), ...page.posters]);
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "Couldn't load the gallery: try again.");
    }
  }

  // The first page, when the picker opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on opening
  useEffect(() => {
    void load(null);
  }, []);

  return (
    <section id={props.id} aria-label="Recent posters" className="space-y-3 rounded-lg border border-edge bg-panel p-3">
      <p className="text-sm text-muted">The team&apos;s recent posters, newest first. Pick one to add it.</p>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      {posters === null ? (
        <p className="text-sm text-muted">Loading…</p>
      ) : posters.length === 0 ? (
        <p className="text-sm text-muted">
          No posters yet: make one in the{" "}
          <Link href="/" className="underline">
            studio
          </Link>
          .
        </p>
      ) : (
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-6 lg:grid-cols-8">
          {posters.map((poster) => {
            const added = props.chosen.has(poster.id);
            return (
              <li key={poster.id}>
                <button
                  type="button"
                  disabled={added || busy !== null}
                  onClick={async () => {
                    setBusy(poster.id);
                    await props.add(poster);
                    setBusy(null);
                  }}
                  className="group relative block w-full overflow-hidden rounded-md border border-edge hover:border-accent disabled:opacity-50"
                >
                  {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
                  <img
                    src={poster.thumbnailUrl}
                    alt=""
                    width={poster.width}
                    height={poster.height}
                    className="aspect-[2/3] h-auto w-full object-cover"
                  />
                  <span className="absolute inset-x-0 bottom-0 bg-ink/85 px-1 py-0.5 text-xs">
                    {added ? "Key art" : busy === poster.id ? "Adding…" : "Add"}
                  </span>
                  <span className="sr-only">: {trimText(poster.prompt, 80)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {cursor && (
        <button type="button" className={button} onClick={() => load(cursor)}>
          Load more
        </button>
      )}
    </section>
  );
}
