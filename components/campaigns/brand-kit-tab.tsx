"use client";

import { useState } from "react";
import { pathErrors } from "@/lib/campaigns/request-errors";
import { type BrandKit, type BrandKitInput, brandKitSchema, type LockableField } from "@/lib/campaigns/schema";
import type { CampaignView } from "@/lib/campaigns/types";
import { ApiError, api } from "@/lib/client/api";
import type { FontId } from "@/lib/design/fonts";
import { Slider } from "../design/fields";
import { FontPicker, LockIcon } from "../design/font-picker";
import { LogoField } from "../design/logo-field";
import { inputClass } from "../ui/field";
import { type CreditDraft, CreditsEditor, creditDrafts, creditErrors, creditsOf } from "./credits-editor";
import { plural } from "./format";
import { KitPreview } from "./kit-preview";
import type { CampaignTab } from "./tabs";

// The campaign's brand kit: the faces, the title logo (drawn instead of the typed title), the title's size, spacing
// and colour, the palette, the billing credits and the legal line, each of which can be locked (a poster of the
// campaign can't then change it in its own design). A preview sets the film's title (or its logo) on the first key
// art in the chosen face, live, in the browser (the matrix renders the real thing on the server). Saving says how
// many made deliverables now read differently: re-run to remake them.

const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";
const MAX_PALETTE = 12;

/** The lockable fields as the form names them. */
const LOCKS: { field: LockableField; label: string }[] = [
  { field: "titleFont", label: "title font" },
  { field: "logo", label: "title logo" },
  { field: "textFont", label: "tagline and date font" },
  { field: "billingFont", label: "billing font" },
  { field: "titleSize", label: "title size" },
  { field: "letterSpacing", label: "letter spacing" },
  { field: "titleColor", label: "title colour" },
  { field: "palette", label: "palette" },
  { field: "credits", label: "credits" },
  { field: "legalLine", label: "legal line" },
];

interface KitDraft {
  titleFont: FontId;
  textFont: FontId;
  billingFont: FontId;
  titleSize: number;
  letterSpacing: number;
  /** null: no fixed colour (each poster picks one for contrast against its art). */
  titleColor: string | null;
  palette: string[];
  credits: CreditDraft[];
  legalLine: string;
  locked: LockableField[];
  logo?: string;
}

function draftOf(kit: BrandKit | null): KitDraft {
  return {
    titleFont: kit?.titleFont ?? "bebas-neue",
    textFont: kit?.textFont ?? "oswald",
    billingFont: kit?.billingFont ?? "league-gothic",
    titleSize: kit?.titleSize ?? 12,
    letterSpacing: kit?.letterSpacing ?? 0.02,
    titleColor: kit?.titleColor ?? null,
    palette: kit?.palette ?? [],
    credits: creditDrafts(kit?.credits ?? []),
    legalLine: kit?.legalLine ?? "",
    locked: kit?.locked ?? [],
    ...(kit?.logo ? { logo: kit.logo } : {}),
  };
}

function inputOf(draft: KitDraft): BrandKitInput {
  return {
    titleFont: draft.titleFont,
    textFont: draft.textFont,
    billingFont: draft.billingFont,
    titleSize: draft.titleSize,
    letterSpacing: draft.letterSpacing,
    ...(draft.titleColor ? { titleColor: draft.titleColor } : {}),
    palette: draft.palette,
    credits: creditsOf(draft.credits),
    ...(draft.legalLine.trim() ? { legalLine: draft.legalLine } : {}),
    ...(draft.logo ? { logo: draft.logo } : {}),
    locked: draft.locked,
  };
}

export function BrandKitTab(props: {
  campaign: CampaignView;
  canChange: boolean;
  onSaved: (kit: BrandKit) => void;
  go: (tab: CampaignTab) => void;
}) {
  const { campaign } = props;
  const [draft, setDraft] = useState(() => draftOf(campaign.kit));
  const [saved, setSaved] = useState(() => JSON.stringify(inputOf(draftOf(campaign.kit))));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ outOfDate: number } | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; problems: string[] } | null>(null);
  // The kit's own fields a refusal names ("logo"): shown on the field; the markets' problems are listed.
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  // The logos' signed URLs, by name: those the campaign came with and any uploaded since.
  const [logoUrls, setLogoUrls] = useState(campaign.logoUrls);

  const input = inputOf(draft);
  const parsed = brandKitSchema.safeParse(input);
  const errors = { ...serverErrors, ...(tried && !parsed.success ? pathErrors(parsed.error.issues) : {}) };
  const dirty = JSON.stringify(input) !== saved;
  const disabled = !props.canChange;

  const set = <K extends keyof KitDraft>(key: K, value: KitDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setResult(null);
    setRefusal(null);
    setServerErrors({});
  };

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!parsed.success) return;
    setBusy(true);
    try {
      const answer = await api.saveBrandKit(campaign.id, input);
      setSaved(JSON.stringify(inputOf(draftOf(answer.kit))));
      setDraft(draftOf(answer.kit));
      setResult({ outOfDate: answer.outOfDate });
      setTried(false);
      props.onSaved(answer.kit);
    } catch (error) {
      const fields = error instanceof ApiError ? (error.fields ?? {}) : {};
      const byMarket = Object.entries(fields).filter(([key]) => /^\d/.test(key));
      setServerErrors(Object.fromEntries(Object.entries(fields).filter(([key]) => !/^\d/.test(key))));
      setRefusal({
        message: error instanceof ApiError ? error.message : "Couldn't save the kit: try again.",
        // The markets the kit's faces can't set (each message names its market).
        problems: byMarket.map(([, message]) => message),
      });
    } finally {
      setBusy(false);
    }
  }

  const lock = (field: LockableField) => {
    const entry = LOCKS.find((l) => l.field === field);
    const on = draft.locked.includes(field);
    return (
      <label className={`inline-flex items-center gap-1.5 text-xs ${on ? "text-accent" : "text-muted"}`}>
        <input
          type="checkbox"
          checked={on}
          disabled={disabled}
          onChange={(e) =>
            set("locked", e.target.checked ? [...draft.locked, field] : draft.locked.filter((f) => f !== field))
          }
        />
        {on && <LockIcon />}
        {on ? "Locked" : "Lock"}
        <span className="sr-only"> the {entry?.label ?? field}</span>
      </label>
    );
  };
  const error = (id: string) =>
    errors[id] ? (
      <p id={`kit-${id.replaceAll(".", "-")}-error`} className="mt-1 text-sm text-danger">
        {errors[id]}
      </p>
    ) : null;
  const invalid = (id: string) =>
    errors[id]
      ? { "aria-invalid": true, "aria-describedby": `kit-${id.replaceAll(".", "-")}-error` }
      : { "aria-invalid": undefined };

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
      <div className="lg:order-2">
        <div className="space-y-3 lg:sticky lg:top-4">
          <KitPreview campaign={campaign} kit={draft} logoUrl={draft.logo ? logoUrls[draft.logo] : undefined} />
        </div>
      </div>
      <form onSubmit={save} aria-label="Brand kit" noValidate className="min-w-0 space-y-6 lg:order-1">
        <fieldset disabled={disabled} className="space-y-6">
          <div className="space-y-5">
            {(
              [
                ["titleFont", "Title font"],
                ["textFont", "Tagline and date font"],
                ["billingFont", "Billing font"],
              ] as const
            ).map(([field, legend]) => (
              <div key={field} className="space-y-1">
                <FontPicker
                  wide
                  legend={legend}
                  name={`kit-${field}`}
                  value={draft[field]}
                  onChange={(f) => set(field, f)}
                />
                {lock(field)}
              </div>
            ))}
          </div>
          <div className="space-y-1">
            <LogoField
              label="Title logo (PNG with transparency, optional)"
              attach={(uploadId) => api.attachCampaignLogo(campaign.id, uploadId)}
              logo={draft.logo}
              previewUrl={draft.logo ? logoUrls[draft.logo] : undefined}
              setText="The logo is drawn instead of the typed title, in every market without a logo of its own."
              error={errors.logo}
              disabled={disabled}
              onChange={(logo) => {
                const url = logo?.url;
                if (logo && url) setLogoUrls((urls) => ({ ...urls, [logo.logo]: url }));
                set("logo", logo?.logo);
              }}
            />
            {lock("logo")}
          </div>
          <div className="grid grid-cols-[minmax(0,1fr)] gap-6 md:grid-cols-2">
            <div className="space-y-1">
              <Slider
                id="kit-titleSize"
                label="Title size (% of the poster's width)"
                min={4}
                max={24}
                step={0.5}
                value={draft.titleSize}
                onChange={(v) => set("titleSize", v)}
              />
              {lock("titleSize")}
            </div>
            <div className="space-y-1">
              <Slider
                id="kit-letterSpacing"
                label="Letter spacing (em)"
                min={-0.05}
                max={0.5}
                step={0.01}
                value={draft.letterSpacing}
                onChange={(v) => set("letterSpacing", v)}
              />
              {lock("letterSpacing")}
            </div>
          </div>

          <fieldset className="space-y-2">
            <legend className="mb-1 text-sm font-medium">Title colour</legend>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={draft.titleColor === null}
                onChange={(e) => set("titleColor", e.target.checked ? null : (draft.palette[0] ?? "#f5c542"))}
              />
              Pick it for contrast with each poster&apos;s art
            </label>
            {draft.titleColor !== null && (
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="color"
                  value={draft.titleColor}
                  onChange={(e) => set("titleColor", e.target.value)}
                  className="h-9 w-14 rounded border border-edge bg-panel"
                />
                Colour <span className="font-mono text-muted">{draft.titleColor}</span>
              </label>
            )}
            {error("titleColor")}
            {lock("titleColor")}
          </fieldset>

          <fieldset className="space-y-2">
            <legend className="mb-1 text-sm font-medium">Palette</legend>
            <p className="text-xs text-muted">
              The campaign&apos;s colours. Locked, a poster&apos;s text colours must come from it.
            </p>
            {draft.palette.length > 0 && (
              <ul className="flex flex-wrap gap-3">
                {draft.palette.map((colour, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: colours may repeat; the position is the identity
                  <li key={i} className="flex items-center gap-1">
                    <input
                      type="color"
                      aria-label={`Palette colour ${i + 1}`}
                      value={colour}
                      onChange={(e) =>
                        set(
                          "palette",
                          draft.palette.map((c, j) => (j === i ? e.target.value : c)),
                        )
                      }
                      className="h-9 w-12 rounded border border-edge bg-panel"
                    />
                    <button
                      type="button"
                      className="rounded px-1.5 text-muted hover:text-white"
                      aria-label={`Remove palette colour ${i + 1}`}
                      onClick={() =>
                        set(
                          "palette",
                          draft.palette.filter((_, j) => j !== i),
                        )
                      }
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div className="flex flex-wrap items-center gap-3">
              <button
                type="button"
                className={button}
                disabled={draft.palette.length >= MAX_PALETTE}
                onClick={() => set("palette", [...draft.palette, draft.titleColor ?? "#ffffff"])}
              >
                Add colour
              </button>
              {lock("palette")}
            </div>
          </fieldset>

          <fieldset className="space-y-2">
            <legend className="mb-1 text-sm font-medium">Credits (billing block, in billing order)</legend>
            <p className="text-xs text-muted">
              A role and its names, separated by commas: “starring” — “MAYA OKAFOR, JONAS REED”. A market with billing
              of its own (Markets: Logo &amp; billing) uses that instead.
            </p>
            <CreditsEditor
              idPrefix="kit"
              credits={draft.credits}
              errors={creditErrors(errors, "credits")}
              onChange={(credits) => set("credits", credits)}
            >
              {lock("credits")}
            </CreditsEditor>
          </fieldset>

          <div className="space-y-1">
            <label htmlFor="kit-legalLine" className="block text-sm font-medium">
              Legal line
            </label>
            <input
              id="kit-legalLine"
              value={draft.legalLine}
              placeholder="© 2027 Northlight Pictures. All rights reserved."
              onChange={(e) => set("legalLine", e.target.value)}
              className={inputClass}
              {...invalid("legalLine")}
            />
            {error("legalLine")}
            {lock("legalLine")}
          </div>
        </fieldset>

        {draft.locked.length > 0 && (
          <p className="text-sm text-muted">
            Locked:{" "}
            {LOCKS.filter((l) => draft.locked.includes(l.field))
              .map((l) => l.label)
              .join(", ")}
            . A poster of this campaign can&apos;t change {draft.locked.length === 1 ? "it" : "them"} in its own design.
          </p>
        )}
        {/* Kept in view at the foot of the screen while the kit's fields scroll by. */}
        <div className="sticky bottom-0 z-10 -mx-1 space-y-2 border-t border-edge bg-ink/95 px-1 py-3 backdrop-blur">
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="submit"
              disabled={disabled || busy}
              className="rounded-md bg-accent px-5 py-2 text-sm font-semibold text-ink disabled:opacity-50"
            >
              {busy ? "Saving…" : "Save kit"}
            </button>
            {dirty && !busy && <span className="text-sm text-muted">Unsaved changes</span>}
          </div>
          <div role="status" className="text-sm">
            {result &&
              (result.outOfDate > 0 ? (
                <p className="flex flex-wrap items-center gap-2">
                  <span>Saved. {plural(result.outOfDate, "deliverable is", "deliverables are")} out of date —</span>
                  <button type="button" className={button} onClick={() => props.go("matrix")}>
                    Re-run
                  </button>
                </p>
              ) : (
                <p className="text-muted">Saved. No deliverable is out of date.</p>
              ))}
          </div>
        </div>
        {tried && !parsed.success && (
          <p role="alert" className="text-sm text-danger">
            Some fields need fixing: see the highlighted fields.
          </p>
        )}
        {refusal && (
          <div role="alert" className="space-y-1 text-sm text-danger">
            <p>{refusal.message}</p>
            {refusal.problems.length > 0 && (
              <ul className="list-disc pl-5">
                {refusal.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </form>
    </div>
  );
}
