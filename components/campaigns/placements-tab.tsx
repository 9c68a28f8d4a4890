"use client";

import { useState } from "react";
import { defaultPlacements } from "@/lib/campaigns/markets";
import { MAX_PLACEMENTS } from "@/lib/campaigns/schema";
import type { CampaignView } from "@/lib/campaigns/types";
import { ApiError, api } from "@/lib/client/api";
import { PLACEMENTS, type Placement, type PlacementId } from "@/lib/print/placements";
import { plural } from "./format";

// The placements the campaign ships: the matrix's columns. New markets get these, with their country's cinema
// poster; the markets already in the table can be given them too in the same save (each keeps its own poster).

const inches = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)}`;

/** What the file is made for: its print size, or the pixels it is delivered at. */
export function sizeOf(p: Placement): string {
  if (p.printIn) {
    const cm = (n: number) => Math.round(n * 2.54);
    return `Printed ${inches(p.printIn.width)}×${inches(p.printIn.height)} in (${cm(p.printIn.width)}×${cm(p.printIn.height)} cm)`;
  }
  return p.targetPx ? `${p.targetPx.width}×${p.targetPx.height} px` : p.ratio;
}

export function PlacementsTab(props: {
  campaign: CampaignView;
  canChange: boolean;
  onChange: (campaign: CampaignView) => void;
}) {
  const { campaign } = props;
  const [chosen, setChosen] = useState<PlacementId[]>(campaign.placements);
  const [applyToMarkets, setApplyToMarkets] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const [failed, setFailed] = useState(false);
  const dirty = [...chosen].sort().join() !== [...campaign.placements].sort().join();

  const toggle = (id: PlacementId, on: boolean) => {
    setChosen((now) => {
      const next = on ? [...now, id] : now.filter((p) => p !== id);
      return PLACEMENTS.map((p) => p.id).filter((p) => next.includes(p));
    });
    setMessage("");
  };

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      let view = await api.updateCampaign(campaign.id, { placements: chosen });
      if (applyToMarkets && view.markets.length) {
        view = await api.saveMarkets(
          campaign.id,
          view.markets.map((m) => ({ ...m, placements: defaultPlacements(m.code, chosen) })),
        );
      }
      props.onChange(view);
      setMessage(
        applyToMarkets && view.markets.length
          ? `Saved: ${plural(chosen.length, "placement")}, given to the ${plural(view.markets.length, "market")} too.`
          : `Saved: ${plural(chosen.length, "placement")} for new markets.`,
      );
    } catch (error) {
      setFailed(true);
      setMessage(error instanceof ApiError ? error.message : "Couldn't save the placements: try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} aria-label="Placements" className="space-y-4">
      <div className="space-y-1">
        <h2 className="font-display text-3xl tracking-wide">Placements</h2>
        <p className="max-w-3xl text-sm text-muted">
          What every market ships, beside its own country&apos;s cinema poster (a UK quad, a French grande…). Printed
          placements are made for their print size, screen ones at their exact pixels.
        </p>
      </div>
      <fieldset disabled={!props.canChange || busy} className="space-y-3">
        <legend className="sr-only">Placements the campaign ships</legend>
        <div className="grid grid-cols-[minmax(0,1fr)] gap-2 sm:grid-cols-2 xl:grid-cols-3">
          {PLACEMENTS.map((p) => (
            <label
              key={p.id}
              className="flex min-w-0 cursor-pointer items-start gap-3 rounded-md border border-edge p-3 text-sm hover:border-accent has-[:checked]:border-accent"
            >
              <input
                type="checkbox"
                checked={chosen.includes(p.id)}
                disabled={!chosen.includes(p.id) && chosen.length >= MAX_PLACEMENTS}
                onChange={(e) => toggle(p.id, e.target.checked)}
                className="mt-1"
              />
              <span className="min-w-0">
                <span className="block font-medium">
                  {p.label} <span className="text-muted">{p.ratio}</span>
                </span>
                <span className="block text-xs text-muted">{p.use}</span>
                <span className="block text-xs">{sizeOf(p)}</span>
              </span>
            </label>
          ))}
        </div>
        {campaign.markets.length > 0 && (
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              checked={applyToMarkets}
              onChange={(e) => setApplyToMarkets(e.target.checked)}
            />
            <span>
              Give the {plural(campaign.markets.length, "market")} already in the campaign these placements too (each
              with its own cinema poster; a market&apos;s own pick in the Markets table is replaced).
            </span>
          </label>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={busy || (!dirty && !applyToMarkets)}
            className="rounded-md bg-accent px-5 py-2 text-sm font-semibold text-ink disabled:opacity-50"
          >
            {busy ? "Saving…" : "Save placements"}
          </button>
          <span className="text-sm text-muted">
            {plural(chosen.length, "placement")} chosen{dirty ? " · unsaved" : ""}
          </span>
        </div>
      </fieldset>
      <p role="status" className={`min-h-5 text-sm ${failed ? "text-danger" : "text-muted"}`}>
        {message}
      </p>
    </form>
  );
}
