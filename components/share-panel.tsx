"use client";

import { useCallback, useEffect, useState } from "react";
import type { ShareView } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";

const button =
  "rounded-md border border-edge px-2.5 py-1.5 text-xs font-medium hover:border-accent disabled:opacity-60";
const EXPIRY_CHOICES = [1, 7, 30, 90, 365];

// Share a poster or a board: creates app links (/s/{token}), lists the live ones with Copy and Revoke.
export function SharePanel(props: { target: "posterId" | "boardId"; id: string }) {
  const [shares, setShares] = useState<ShareView[]>([]);
  const [days, setDays] = useState(30);
  const [showPrompt, setShowPrompt] = useState(false);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setShares((await api.listShares(props.target, props.id)).shares);
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't load the links.");
    }
  }, [props.target, props.id]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function create() {
    setBusy(true);
    try {
      const share = await api.createShare({ [props.target]: props.id, expiresInDays: days, showPrompt });
      setShares((all) => [share, ...all]);
      await navigator.clipboard?.writeText(share.url).catch(() => {});
      setMessage("Link created and copied.");
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't create the link.");
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: string) {
    try {
      await api.revokeShare(token);
      setShares((all) => all.filter((s) => s.token !== token));
      setMessage("Link revoked: it no longer opens.");
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't revoke the link.");
    }
  }

  async function copy(url: string) {
    await navigator.clipboard.writeText(url);
    setMessage("Link copied.");
  }

  return (
    <section aria-labelledby="share-heading" className="rounded-lg border border-edge p-4">
      <h2 id="share-heading" className="mb-3 font-semibold">
        Share
      </h2>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${props.target}-days`}>Link lasts</label>
          <select
            id={`${props.target}-days`}
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
            className="rounded-md border border-edge bg-panel px-2 py-1.5"
          >
            {EXPIRY_CHOICES.map((d) => (
              <option key={d} value={d}>
                {d === 1 ? "1 day" : `${d} days`}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 pb-1.5">
          <input type="checkbox" checked={showPrompt} onChange={(e) => setShowPrompt(e.target.checked)} />
          Show prompt and settings
        </label>
        <button type="button" onClick={create} disabled={busy} className={button}>
          Create link
        </button>
      </div>
      <p role="status" className="mt-2 min-h-5 text-xs text-muted">
        {message}
      </p>
      {shares.length > 0 && (
        <ul aria-label="Live links" className="mt-2 space-y-2 text-xs">
          {shares.map((share) => (
            <li key={share.token} className="flex flex-wrap items-center gap-2">
              <code className="min-w-0 max-w-full truncate text-muted">{share.url}</code>
              <span className="text-muted">
                until {new Date(share.expiresAt).toLocaleDateString("en-GB")}
                {share.showPrompt ? ", with prompt" : ""}
              </span>
              <button type="button" className={button} onClick={() => copy(share.url)}>
                Copy<span className="sr-only"> link {share.url}</span>
              </button>
              <button type="button" className={button} onClick={() => revoke(share.token)}>
                Revoke<span className="sr-only"> link {share.url}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
