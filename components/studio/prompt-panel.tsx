"use client";

import Link from "next/link";
import type { Ref } from "react";
import type { SpendingToday } from "@/lib/api-types";
import { type Cents, formatCents, toCents } from "@/lib/money";
import { describedBy, Field, inputClass } from "../ui/field";
import { RecentPrompts } from "./recent-prompts";
import { SettingsDrawer } from "./settings-drawer";
import type { FormValues, PosterForm } from "./use-poster-form";

const PROMPT_HELP = "What the poster shows: subject, setting, mood, light. Ctrl+Enter generates.";
const FILTER_HINT =
  "Filters usually catch violence and gore, real people's names, nudity, and hateful or drug-related words. Describe the mood instead: “a menacing shadow in the doorway” rather than “a bloody knife”.";

// The prompt and Generate, always in reach: a compact panel (sticky beside the results on a wide screen, on top on a
// phone); the rest of the settings fold into one drawer under Generate.
export function PromptPanel(props: {
  ref: Ref<HTMLFormElement>;
  /** Any control taking focus: the form is about to be used. */
  onFocus: () => void;
  form: PosterForm;
  values: FormValues;
  notice?: string;
  onSubmit: () => void;
  recentPrompts: string[];
  blockedPrompt?: string;
  blockedMessage?: string;
  settings: { open: boolean; onOpenChange: (open: boolean) => void };
  seed: { locked: boolean; onLockedChange: (locked: boolean) => void; onRoll: () => void };
  price: { variations: number; each: Cents; cost: Cents };
  today: SpendingToday;
  overBudget?: string;
  budgetShown: boolean;
}) {
  const { form, values, price } = props;
  const { register, errors } = form;
  const blocked = Boolean(props.blockedPrompt);
  const promptDescribedBy = [describedBy("prompt", PROMPT_HELP, errors.prompt), blocked && "prompt-blocked"]
    .filter(Boolean)
    .join(" ");

  return (
    <form
      ref={props.ref}
      noValidate
      onSubmit={props.onSubmit}
      onFocus={props.onFocus}
      aria-label="Poster settings"
      className="space-y-4 self-start lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto lg:pr-1"
    >
      {props.notice && (
        <p
          role="note"
          className="rounded-md border border-accent/40 bg-accent/10 p-3 text-sm"
          data-testid="start-notice"
        >
          {props.notice}
        </p>
      )}
      <Field
        id="prompt"
        label="Prompt"
        help={PROMPT_HELP}
        error={errors.prompt}
        aside={
          <Link href="/develop" className="text-sm text-accent underline-offset-2 hover:underline">
            Start from an image
          </Link>
        }
      >
        <textarea
          id="prompt"
          rows={4}
          className={inputClass}
          placeholder="A lone detective on a rain-soaked harbor at midnight, neon reflections, 1970s thriller"
          aria-invalid={errors.prompt || blocked ? true : undefined}
          aria-describedby={promptDescribedBy || undefined}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
          {...register("prompt")}
        />
      </Field>
      {blocked && (
        <div id="prompt-blocked" role="alert" className="rounded-md border border-danger/50 bg-danger/10 p-3 text-sm">
          <p className="font-medium text-danger">{props.blockedMessage}</p>
          <p className="mt-1 text-xs text-muted">{FILTER_HINT}</p>
        </div>
      )}
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-muted" aria-live="polite">
          <span className="block text-xs" data-testid="today">
            Today: {formatCents(toCents(props.today.teamSpent))} of {formatCents(toCents(props.today.teamBudget))}
          </span>
          <span className="sr-only">Price: </span>
          {price.variations} × {formatCents(price.each)} ={" "}
          <strong className="text-base text-white" data-testid="price">
            {formatCents(price.cost)}
          </strong>
        </p>
        <button
          type="submit"
          aria-describedby={props.overBudget ? "budget-message" : undefined}
          aria-disabled={props.overBudget ? true : undefined}
          className="rounded-md bg-accent px-5 py-2.5 font-semibold text-ink hover:brightness-110 aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
        >
          Generate
        </button>
      </div>
      {props.overBudget && (
        <p id="budget-message" role={props.budgetShown ? "alert" : undefined} className="text-sm text-danger">
          {props.overBudget}
        </p>
      )}
      <SettingsDrawer
        open={props.settings.open}
        onOpenChange={props.settings.onOpenChange}
        register={register}
        values={values}
        errors={errors}
        seed={props.seed}
        seedRegistration={register("seed", {
          setValueAs: (v) => (v === "" || v === undefined || v === null ? undefined : Number(v)),
        })}
      />
      <RecentPrompts
        prompts={props.recentPrompts}
        onPick={(prompt) => {
          form.setValue("prompt", prompt, { shouldValidate: true });
          form.setFocus("prompt");
        }}
      />
    </form>
  );
}
