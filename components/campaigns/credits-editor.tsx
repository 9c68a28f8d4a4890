"use client";

import type { ReactNode } from "react";
import { type Credit, MAX_CREDITS } from "@/lib/campaigns/schema";
import { inputClass } from "../ui/field";

// A billing block as structured credits, in billing order: a row per credit, its role and its names (typed
// comma-separated, sent as a list), moved up or down, removed, added. The brand kit's credits and a market's own
// (its star order) are edited with this one form, so both read and refuse the same way.

export interface CreditDraft {
  key: number;
  role: string;
  /** The names, comma separated, as typed. */
  names: string;
}

let keys = 0;

export const creditDraft = (role = "", names = ""): CreditDraft => ({ key: keys++, role, names });

export const creditDrafts = (credits: readonly Credit[]): CreditDraft[] =>
  credits.map((c) => creditDraft(c.role, c.names.join(", ")));

export const namesOf = (typed: string) =>
  typed
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean);

export const creditsOf = (drafts: readonly CreditDraft[]): Credit[] =>
  drafts.map((c) => ({ role: c.role, names: namesOf(c.names) }));

/** One line of the credits as a poster sets them ("starring MAYA OKAFOR  JONAS REED   directed by …"). */
export const creditsText = (drafts: readonly CreditDraft[]) =>
  drafts
    .filter((c) => c.role.trim() || c.names.trim())
    .map((c) => `${c.role.trim()} ${namesOf(c.names).join("  ")}`.trim())
    .join("   ");

/** The credits' messages by where they go: "0.role", "0.names" (any of its names), "list" (the whole block).
 * `fields` are keyed by path ("credits.0.names.1", or a market's "2.credits.0.role"); `prefix` is the credits'. */
export function creditErrors(fields: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    if (key === prefix) out.list ??= message;
    else if (key.startsWith(`${prefix}.`)) {
      const [index, part] = key.slice(prefix.length + 1).split(".");
      out[`${index}.${part === "names" ? "names" : "role"}`] ??= message;
    }
  }
  return out;
}

const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";
const arrow =
  "rounded-md border border-edge px-2 py-1.5 text-sm leading-none hover:border-accent disabled:opacity-40 disabled:hover:border-edge";

export function CreditsEditor(props: {
  /** Makes the ids of its messages unique on the page ("kit", "market-3"). */
  idPrefix: string;
  /** Added to every control's name where more than one editor can be open ("market 2"). */
  of?: string;
  credits: CreditDraft[];
  errors: Record<string, string>;
  onChange: (credits: CreditDraft[]) => void;
  /** Beside Add credit (the kit's lock). */
  children?: ReactNode;
}) {
  const { credits, errors } = props;
  const of = props.of ? `, ${props.of}` : "";
  const errorId = (id: string) => `${props.idPrefix}-credits-${id.replace(".", "-")}-error`;
  const message = (id: string) =>
    errors[id] ? (
      <p id={errorId(id)} className="mt-1 text-sm text-danger">
        {errors[id]}
      </p>
    ) : null;
  const invalid = (id: string) =>
    errors[id] ? { "aria-invalid": true, "aria-describedby": errorId(id) } : { "aria-invalid": undefined };
  const update = (key: number, change: Partial<CreditDraft>) =>
    props.onChange(credits.map((c) => (c.key === key ? { ...c, ...change } : c)));
  const move = (from: number, to: number) => {
    const next = [...credits];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    props.onChange(next);
  };

  return (
    <div className="space-y-2">
      {credits.length > 0 && (
        <ol className="space-y-2">
          {credits.map((credit, i) => (
            <li
              key={credit.key}
              className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-2 sm:grid-cols-[11rem_minmax(0,1fr)_auto]"
            >
              <div className="col-span-2 sm:col-span-1">
                <input
                  aria-label={`Credit ${i + 1}: role${of}`}
                  placeholder="starring"
                  value={credit.role}
                  onChange={(e) => update(credit.key, { role: e.target.value })}
                  className={inputClass}
                  {...invalid(`${i}.role`)}
                />
                {message(`${i}.role`)}
              </div>
              <div>
                <input
                  aria-label={`Credit ${i + 1}: names${of}`}
                  placeholder="MAYA OKAFOR, JONAS REED"
                  value={credit.names}
                  onChange={(e) => update(credit.key, { names: e.target.value })}
                  className={inputClass}
                  {...invalid(`${i}.names`)}
                />
                {message(`${i}.names`)}
              </div>
              <div className="flex gap-1">
                <button
                  type="button"
                  className={arrow}
                  aria-label={`Move credit ${i + 1} up${of}`}
                  title="Bill it earlier"
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className={arrow}
                  aria-label={`Move credit ${i + 1} down${of}`}
                  title="Bill it later"
                  disabled={i === credits.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={button}
                  aria-label={`Remove credit ${i + 1}${of}`}
                  onClick={() => props.onChange(credits.filter((c) => c.key !== credit.key))}
                >
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {errors.list && (
        <p id={errorId("list")} className="text-sm text-danger">
          {errors.list}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={button}
          aria-label={`Add credit${of}`}
          disabled={credits.length >= MAX_CREDITS}
          onClick={() => props.onChange([...credits, creditDraft()])}
        >
          Add credit
        </button>
        {props.children}
      </div>
    </div>
  );
}
