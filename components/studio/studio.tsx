"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useCallback, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import {
  formatPrice,
  getModel,
  MAX_VARIATIONS,
  type PosterFormInput,
  type PosterFormValues,
  posterFormSchema,
} from "@/lib/models/generation";
import { describedBy, Field, inputClass } from "../ui/field";
import { AspectRatioPicker } from "./aspect-ratio-picker";
import { FORM_DEFAULTS, supportedRatios, variationSeeds } from "./form-defaults";
import { ModelParams } from "./model-params";
import { ModelPicker } from "./model-picker";
import { PosterTile } from "./poster-tile";
import { RecentPrompts } from "./recent-prompts";
import { SeedControl } from "./seed-control";
import { describeProgress, type TileRequest, useGeneration } from "./use-generation";

const PROMPT_HELP = "What the poster shows: subject, setting, mood, light. Ctrl+Enter generates.";

/** Settings to start from (a poster's, for "Use these settings"): the seed comes locked. `notice` says what had to
 * change, e.g. a retired model replaced by the default one. */
export type StudioStart = Record<string, unknown> & { seed: number; notice?: string };

export function Studio(props: {
  start?: StudioStart;
  recentPrompts: string[];
  today: { spent: number; budget: number };
}) {
  const { notice, ...startValues } = props.start ?? { seed: 0 };
  const form = useForm<PosterFormInput, unknown, PosterFormValues>({
    resolver: zodResolver(posterFormSchema),
    defaultValues: props.start
      ? ({ ...FORM_DEFAULTS, ...startValues, variations: 1 } as PosterFormInput)
      : FORM_DEFAULTS,
  });
  const { register, handleSubmit, watch, setValue, setError, formState } = form;
  const [seedLocked, setSeedLocked] = useState(Boolean(props.start));
  const formRef = useRef<HTMLFormElement>(null);

  const onFieldErrors = useCallback(
    (fields: Record<string, string>) => {
      for (const [name, message] of Object.entries(fields))
        setError(name as "prompt", { message }, { shouldFocus: true });
    },
    [setError],
  );
  const [spent, setSpent] = useState(props.today.spent);
  const onMade = useCallback((poster: { price: number }) => setSpent((s) => s + poster.price), []);
  const { tiles, start, retry, cancel } = useGeneration(onFieldErrors, onMade);

  const values = watch();
  const model = getModel(values.model);
  const variations = Number(values.variations) || 1;
  const errors = Object.fromEntries(
    Object.entries(formState.errors).map(([k, v]) => [k, (v as { message?: string } | undefined)?.message]),
  ) as Record<string, string | undefined>;

  const onSubmit = handleSubmit((valid) => {
    const { variations: count, ...request } = valid;
    const chosen = getModel(request.model);
    const seeds = variationSeeds(count, chosen.maxSeed, seedLocked ? request.seed : undefined);
    start(seeds.map((seed) => ({ ...request, seed }) as TileRequest));
  });

  function setLocked(locked: boolean) {
    setSeedLocked(locked);
    if (!locked) setValue("seed", undefined, { shouldValidate: false });
  }

  function rollSeed() {
    setSeedLocked(true);
    setValue("seed", variationSeeds(1, model.maxSeed)[0], { shouldValidate: true });
  }

  function applySettings(request: TileRequest) {
    form.reset({ ...FORM_DEFAULTS, ...request, variations: 1 } as PosterFormInput);
    setSeedLocked(true);
    formRef.current?.scrollIntoView({ behavior: "smooth" });
    form.setFocus("prompt");
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[400px_1fr]">
      <form ref={formRef} noValidate onSubmit={onSubmit} aria-label="Poster settings" className="space-y-5">
        {notice && (
          <p
            role="note"
            className="rounded-md border border-accent/40 bg-accent/10 p-3 text-sm"
            data-testid="start-notice"
          >
            {notice}
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
            aria-invalid={errors.prompt ? true : undefined}
            aria-describedby={describedBy("prompt", PROMPT_HELP, errors.prompt)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                formRef.current?.requestSubmit();
              }
            }}
            {...register("prompt")}
          />
        </Field>
        <RecentPrompts
          prompts={props.recentPrompts}
          onPick={(prompt) => {
            setValue("prompt", prompt, { shouldValidate: true });
            form.setFocus("prompt");
          }}
        />
        <Field
          id="negativePrompt"
          label="Negative prompt"
          help="What to keep out of the image."
          error={errors.negativePrompt}
        >
          <textarea
            id="negativePrompt"
            rows={2}
            className={inputClass}
            placeholder="text, watermark, blurry"
            aria-invalid={errors.negativePrompt ? true : undefined}
            aria-describedby={describedBy("negativePrompt", "What to keep out of the image.", errors.negativePrompt)}
            {...register("negativePrompt")}
          />
        </Field>
        <ModelPicker registration={register("model")} />
        <AspectRatioPicker
          registration={register("aspectRatio")}
          supported={supportedRatios(values.model)}
          error={errors.aspectRatio}
        />
        <ModelParams params={model.params} register={register} values={values} errors={errors} />
        <SeedControl
          locked={seedLocked}
          onLockedChange={setLocked}
          onRoll={rollSeed}
          error={errors.seed}
          registration={register("seed", {
            setValueAs: (v) => (v === "" || v === undefined || v === null ? undefined : Number(v)),
          })}
        />
        <Field
          id="variations"
          label="Variations"
          help="Each variation is its own image with its own seed."
          error={errors.variations}
          aside={
            <output htmlFor="variations" className="text-sm tabular-nums text-muted">
              {variations}
            </output>
          }
        >
          <input
            id="variations"
            type="range"
            min={1}
            max={MAX_VARIATIONS}
            step={1}
            className="w-full"
            aria-describedby="variations-help"
            {...register("variations", { valueAsNumber: true })}
          />
        </Field>
        <div className="flex items-center justify-between gap-4 border-t border-edge pt-4">
          <p className="text-sm text-muted" aria-live="polite">
            <span className="block text-xs" data-testid="today">
              Today: {formatPrice(spent)} of {formatPrice(props.today.budget)}
            </span>
            <span className="sr-only">Price: </span>
            {variations} × {formatPrice(model.pricePerImage)} ={" "}
            <strong className="text-base text-white" data-testid="price">
              {formatPrice(variations * model.pricePerImage)}
            </strong>
          </p>
          <button
            type="submit"
            className="rounded-md bg-accent px-5 py-2.5 font-semibold text-ink hover:brightness-110 disabled:opacity-60"
          >
            Generate
          </button>
        </div>
      </form>

      <section aria-label="Results" className="min-w-0 self-start lg:sticky lg:top-4">
        <p role="status" className="mb-3 text-sm text-muted">
          {tiles.length ? describeProgress(tiles) : "Your posters appear here."}
        </p>
        <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
          {tiles.map((tile, index) => (
            <PosterTile
              key={tile.key}
              tile={tile}
              index={index}
              onCancel={() => cancel(tile.key)}
              onRetry={() => retry(tile)}
              onUseSettings={() => applySettings(tile.input)}
            />
          ))}
        </div>
      </section>
    </div>
  );
}
