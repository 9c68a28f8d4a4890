"use client";

import { useId } from "react";
import type { Credit } from "@/lib/campaigns/schema";
import { type CreditDraft, CreditsEditor, creditDrafts } from "./credits-editor";

// A market's billing: the kit's credits, or its own (star order differs by market; a name is written differently).
// Its own start as a copy of the kit's, so reordering two stars is two clicks, not retyping the block.

export function MarketCreditsEditor(props: {
  /** "market 2": names its controls apart from the other rows'. */
  of: string;
  idPrefix: string;
  kitCredits: readonly Credit[];
  /** null: the kit's. */
  credits: CreditDraft[] | null;
  /** By where they go (creditErrors). */
  errors: Record<string, string>;
  onChange: (credits: CreditDraft[] | null) => void;
}) {
  const id = useId();
  // Read as a list here ("starring MAYA OKAFOR, JONAS REED · directed by …"), not spaced as a poster sets it.
  const kitText = props.kitCredits.map((c) => `${c.role} ${c.names.join(", ")}`).join(" · ");
  const own = props.credits !== null;
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="mb-1 text-sm font-medium">
        Billing<span className="sr-only">, {props.of}</span>
      </legend>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="radio"
          name={`${id}-billing`}
          className="mt-1"
          checked={!own}
          onChange={() => props.onChange(null)}
        />
        <span className="min-w-0">
          The kit&apos;s credits
          <span className="block break-words text-xs text-muted">
            {kitText || "The kit has no credits yet (Brand kit tab)."}
          </span>
        </span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="radio"
          name={`${id}-billing`}
          className="mt-1"
          checked={own}
          onChange={() => props.onChange(creditDrafts(props.kitCredits))}
        />
        <span>
          Its own billing
          <span className="block text-xs text-muted">
            Another star order, names written this market&apos;s way. The kit&apos;s legal line and the rating stay.
          </span>
        </span>
      </label>
      {props.credits && (
        <div className="sm:pl-6">
          <CreditsEditor
            idPrefix={props.idPrefix}
            of={props.of}
            credits={props.credits}
            errors={props.errors}
            onChange={props.onChange}
          />
          {props.credits.length === 0 && (
            <p className="mt-1 text-xs text-muted">No credits: this market&apos;s posters carry no billing names.</p>
          )}
        </div>
      )}
      {!props.credits && props.errors.list && <p className="text-sm text-danger">{props.errors.list}</p>}
    </fieldset>
  );
}
