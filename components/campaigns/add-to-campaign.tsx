"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import type { CampaignSummary } from "@/lib/campaigns/types";
import { ApiError, api } from "@/lib/client/api";
import { type Actor, mayChange } from "@/lib/permissions";

// "Add to campaign" on a poster's page and in the lightbox: a small menu of the campaigns I may change; picking one
// makes the poster one of its key art. The campaigns are asked for when the menu first opens.

const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";

export function AddToCampaign(props: { posterId: string; me: Actor; onMessage: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [campaigns, setCampaigns] = useState<CampaignSummary[] | null>(null);
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open || campaigns) return;
    api.listCampaigns().then(
      (page) => setCampaigns(page.campaigns.filter((c) => mayChange(props.me, c.createdBy))),
      (error) => {
        setCampaigns([]);
        props.onMessage(error instanceof ApiError ? error.message : "Couldn't load the campaigns: try again.");
      },
    );
  }, [open, campaigns, props.me, props.onMessage]);

  // A new poster (the lightbox moves on): the menu starts closed, with nothing said about the last one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the poster is the trigger
  useEffect(() => {
    setOpen(false);
    setAdded(null);
  }, [props.posterId]);

  async function add(campaign: CampaignSummary) {
    setBusy(true);
    try {
      await api.addKeyArt(campaign.id, props.posterId);
      setAdded({ id: campaign.id, name: campaign.name });
      setOpen(false);
      toggle.current?.focus();
      props.onMessage(`Added to “${campaign.name}” as key art.`);
    } catch (error) {
      props.onMessage(error instanceof ApiError ? error.message : "Couldn't add it to the campaign: try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <button
          ref={toggle}
          type="button"
          className={button}
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
        >
          Add to campaign <span aria-hidden="true">{open ? "▴" : "▾"}</span>
        </button>
        {added && (
          <Link href={`/campaigns/${added.id}`} className="text-sm text-accent underline">
            Open {added.name}
          </Link>
        )}
      </div>
      {open && (
        <div id={listId} className="max-w-sm rounded-md border border-edge bg-panel p-2 text-sm">
          {campaigns === null ? (
            <p className="px-2 py-1 text-muted">Loading campaigns…</p>
          ) : campaigns.length === 0 ? (
            <p className="px-2 py-1 text-muted">
              No campaigns of yours yet:{" "}
              <Link href="/campaigns" className="text-accent underline">
                make one
              </Link>
              .
            </p>
          ) : (
            <ul aria-label="Campaigns" className="max-h-64 space-y-1 overflow-y-auto">
              {campaigns.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => add(c)}
                    className="w-full rounded px-2 py-1.5 text-left hover:bg-ink disabled:opacity-60"
                  >
                    <span className="block font-medium">{c.name}</span>
                    <span className="block text-xs text-muted">
                      {c.title} · {c.keyArtCount} key art
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
