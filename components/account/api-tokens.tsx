"use client";

import { useState } from "react";
import { ApiError, type ApiToken, api } from "@/lib/client/api";
import { ConfirmButton } from "../confirm-button";
import { useNow } from "../ui/now";

type Token = ApiToken;

const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent";

// Days a new token works; null: until revoked. The API takes any whole number of days from 1 to 365.
const EXPIRY_CHOICES: { days: number | null; label: string }[] = [
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
  { days: null, label: "Never (until revoked)" },
];

/** `now`: the clock the page shares (the server's while hydrating), so both sides say the same at the boundary. */
function expiry(token: Token, now: number | null): string {
  if (!token.expiresAt) return "never expires";
  const day = token.expiresAt.slice(0, 10);
  return now !== null && Date.parse(token.expiresAt) <= now ? `expired ${day}` : `expires ${day}`;
}

// Personal API tokens: created here, shown once, revocable at any time.
export function ApiTokens({ initial }: { initial: Token[] }) {
  const [tokens, setTokens] = useState(initial);
  const now = useNow();
  const [name, setName] = useState("");
  const [days, setDays] = useState<number | null>(90);
  const [fresh, setFresh] = useState<string | null>(null);
  const [message, setMessage] = useState("");

  async function create(event: React.FormEvent) {
    event.preventDefault();
    try {
      const { token, ...record } = await api.createToken({ name, expiresInDays: days });
      setTokens((all) => [record, ...all]);
      setFresh(token);
      setName("");
      setMessage("Token created: copy it now, it won't be shown again.");
    } catch (error) {
      setMessage(error instanceof ApiError ? (error.fields?.name ?? error.message) : "Couldn't create the token.");
    }
  }

  async function revoke(id: string) {
    try {
      await api.revokeToken(id);
      setTokens((all) => all.filter((t) => t.id !== id));
      setMessage("Token revoked.");
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't revoke the token.");
    }
  }

  return (
    <section aria-labelledby="tokens-heading" className="space-y-4">
      <h2 id="tokens-heading" className="text-lg font-semibold">
        API tokens
      </h2>
      <p className="text-sm text-muted">
        For scripts: send <code>Authorization: Bearer &lt;token&gt;</code> to <code>/api/…</code>. A token acts as you;
        you can have 20 at once.
      </p>
      <form onSubmit={create} className="flex flex-wrap items-end gap-2 text-sm">
        <div className="flex flex-col gap-1">
          <label htmlFor="token-name">Token name</label>
          <input
            id="token-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="nightly key-art batch"
            className="w-72 rounded-md border border-edge bg-panel px-3 py-2"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="token-expiry">Expires after</label>
          <select
            id="token-expiry"
            value={days === null ? "never" : String(days)}
            onChange={(e) => setDays(e.target.value === "never" ? null : Number(e.target.value))}
            className="rounded-md border border-edge bg-panel px-2 py-2"
          >
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.label} value={choice.days === null ? "never" : String(choice.days)}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={button}>
          Create token
        </button>
      </form>
      <p role="status" className="min-h-5 text-sm text-muted">
        {message}
      </p>
      {fresh && (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-accent/50 p-3 text-sm">
          <code data-testid="new-token" className="break-all">
            {fresh}
          </code>
          <button type="button" className={button} onClick={() => navigator.clipboard.writeText(fresh)}>
            Copy token
          </button>
        </div>
      )}
      <ul aria-label="Your tokens" className="space-y-2 text-sm">
        {tokens.map((t) => (
          <li key={t.id} className="flex flex-wrap items-center gap-3">
            <span className="font-medium">{t.name}</span>
            <code className="text-muted">{t.prefix}…</code>
            <span className="text-muted">made {t.createdAt.slice(0, 10)}</span>
            <span className="text-muted">{expiry(t, now)}</span>
            <ConfirmButton
              label="Revoke"
              srLabel={`token ${t.name}`}
              question={`Revoke “${t.name}”? Scripts using it stop working at once; this can't be undone.`}
              confirmLabel="Revoke token"
              onConfirm={() => revoke(t.id)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
