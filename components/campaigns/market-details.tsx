"use client";

import type { Credit } from "@/lib/campaigns/schema";
import { api } from "@/lib/client/api";
import { type AttachedLogo, LogoField } from "../design/logo-field";
import type { CreditDraft } from "./credits-editor";
import { creditErrors } from "./credits-editor";
import { MarketCreditsEditor } from "./market-credits-editor";

// What a market row holds beyond its cells: its own title logo and its own billing. The row's cell says which the
// market uses (the kit's, or its own) and opens a panel under the row to change them; a refusal's messages about
// them ("2.credits.0.names", "2.logo") land in that panel, which opens to show them.

export interface MarketExtras {
  /** null: the kit's credits. */
  credits: CreditDraft[] | null;
  logo?: string;
  /** The market's title set in type rather than the kit's title logo. */
  typedTitle?: boolean;
}

export function MarketDetailsToggle(props: {
  of: string;
  panelId: string;
  open: boolean;
  extras: MarketExtras;
  kitHasLogo: boolean;
  invalid: boolean;
  onToggle: () => void;
}) {
  const { credits, logo, typedTitle } = props.extras;
  const title = logo ? "own logo" : props.kitHasLogo && !typedTitle ? "kit's logo" : "typed title";
  return (
    <button
      type="button"
      aria-expanded={props.open}
      aria-controls={props.open ? props.panelId : undefined}
      data-invalid={props.invalid ? true : undefined}
      onClick={props.onToggle}
      className="flex w-28 items-start gap-1.5 rounded border border-edge bg-ink px-2 py-1.5 text-left text-sm hover:border-accent data-[invalid]:border-danger"
    >
      <span
        aria-hidden="true"
        className={`mt-0.5 text-xs text-muted transition-transform ${props.open ? "rotate-90" : ""}`}
      >
        ▸
      </span>
      <span className="min-w-0">
        <span className={`block ${credits ? "font-medium text-accent" : ""}`}>
          {credits ? "Own billing" : "Kit's billing"}
        </span>
        <span className="block truncate text-xs text-muted">{title[0]?.toUpperCase() + title.slice(1)}</span>
        <span className="sr-only">
          : logo and billing of {props.of}
          {props.invalid ? ", needs fixing" : ""}
        </span>
      </span>
    </button>
  );
}

export function MarketDetails(props: {
  campaignId: string;
  of: string;
  /** "fr-FR" (or "market 2" before its code is typed): the panel's heading. */
  name: string;
  idPrefix: string;
  extras: MarketExtras;
  kitCredits: readonly Credit[];
  kitHasLogo: boolean;
  logoUrl?: string;
  /** The row's messages, keyed by field ("logo", "credits.0.names"). */
  errors: Record<string, string>;
  disabled: boolean;
  onLogo: (logo: AttachedLogo | undefined) => void;
  onTypedTitle: (typed: boolean) => void;
  onCredits: (credits: CreditDraft[] | null) => void;
}) {
  return (
    <section
      aria-label={`Logo and billing of ${props.of}`}
      className="grid w-[min(60rem,calc(100vw-3rem))] grid-cols-[minmax(0,1fr)] gap-5 rounded-md border border-edge bg-panel/60 p-3 lg:grid-cols-[minmax(0,18rem)_minmax(0,1fr)]"
    >
      <h3 className="sr-only">{props.name}: title logo and billing</h3>
      <div className="space-y-1">
        <LogoField
          label={
            <>
              Its own title logo<span className="sr-only">, {props.of}</span>{" "}
              <span className="font-normal text-muted">(PNG with transparency, optional)</span>
            </>
          }
          attach={(uploadId) => api.attachCampaignLogo(props.campaignId, uploadId)}
          logo={props.extras.logo}
          previewUrl={props.logoUrl}
          setText="This market's logo is drawn instead of its typed title."
          removedText={
            props.kitHasLogo
              ? "Logo removed: the kit's title logo is drawn."
              : "Logo removed: the title is set in type."
          }
          error={props.errors.logo}
          disabled={props.disabled}
          onChange={props.onLogo}
        />
        {!props.extras.logo &&
          (props.kitHasLogo ? (
            // A translated title can't wear a logo lettered in the original one.
            <label className="flex items-start gap-2 pt-1 text-sm">
              <input
                type="checkbox"
                className="mt-1"
                checked={Boolean(props.extras.typedTitle)}
                disabled={props.disabled}
                onChange={(e) => props.onTypedTitle(e.currentTarget.checked)}
              />
              <span>
                Set the title in type instead of the kit's logo<span className="sr-only">, {props.of}</span>
                <span className="block text-xs text-muted">
                  {props.extras.typedTitle
                    ? "This market's title is set in the kit's title font."
                    : "Unticked, the kit's title logo is drawn."}
                </span>
              </span>
            </label>
          ) : (
            <p className="text-xs text-muted">Without one, the market's title is set in the kit's title font.</p>
          ))}
      </div>
      <MarketCreditsEditor
        of={props.of}
        idPrefix={props.idPrefix}
        kitCredits={props.kitCredits}
        credits={props.extras.credits}
        errors={creditErrors(props.errors, "credits")}
        onChange={props.onCredits}
      />
    </section>
  );
}
