"use client";

import { ASPECT_RATIO_IDS, aspectRatioInfo, DEFAULT_ASPECT_RATIO } from "@/lib/models/aspect-ratios";
import { pick } from "@/lib/tuples";
import { describedBy, Field, inputClass } from "../ui/field";
import { AspectRatioPicker } from "./aspect-ratio-picker";
import { ModelParams } from "./model-params";
import { ModelPicker } from "./model-picker";
import { useStudioModels } from "./models-context";
import { SeedControl } from "./seed-control";
import { studioModel } from "./studio-models";
import type { Register, Registration } from "./use-poster-form";

// Everything but the prompt, one click away: the summary line says what is set, so it needn't be opened to check.
export function SettingsDrawer(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Parameter names come from the catalogue at run time. */
  register: Register;
  values: Record<string, unknown> & { model: string; aspectRatio?: string };
  errors: Record<string, string | undefined>;
  seed: { locked: boolean; onLockedChange: (locked: boolean) => void; onRoll: () => void };
  seedRegistration: Registration;
}) {
  const { register, values, errors } = props;
  const catalogue = useStudioModels();
  const model = studioModel(catalogue, values.model);
  const variations = Number(values.variations) || 1;
  const ratio = aspectRatioInfo(pick(String(values.aspectRatio ?? ""), ASPECT_RATIO_IDS) ?? DEFAULT_ASPECT_RATIO);
  const invalid = Object.keys(errors).some((k) => k !== "prompt" && errors[k]);
  return (
    <details
      open={props.open}
      onToggle={(e) => props.onOpenChange(e.currentTarget.open)}
      className="group rounded-lg border border-edge bg-panel/40"
    >
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 px-3 py-2 text-sm [&::-webkit-details-marker]:hidden">
        <span className="min-w-0">
          <span className="font-medium">Settings</span>
          <span className="block truncate text-xs text-muted" data-testid="settings-summary">
            {model.label} · {ratio.name} {ratio.id} · {variations === 1 ? "1 variation" : `${variations} variations`}
            {props.seed.locked && values.seed !== undefined ? ` · seed ${String(values.seed)}` : ""}
          </span>
          {invalid && <span className="block text-xs text-danger">Some settings need fixing.</span>}
        </span>
        <span aria-hidden="true" className="text-muted transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="space-y-5 border-t border-edge px-3 pt-4 pb-3">
        <ModelPicker registration={register("model")} />
        <AspectRatioPicker registration={register("aspectRatio")} supported={model.ratios} error={errors.aspectRatio} />
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
            max={catalogue.maxVariations}
            step={1}
            className="w-full"
            aria-describedby="variations-help"
            {...register("variations", { valueAsNumber: true })}
          />
        </Field>
        <SeedControl {...props.seed} error={errors.seed} registration={props.seedRegistration} />
        <ModelParams params={model.params} register={register} values={values} errors={errors} />
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
      </div>
    </details>
  );
}
