import { formatCents } from "@/lib/money";
import { useStudioModels } from "./models-context";
import type { Registration } from "./use-poster-form";

const slug = (id: string) => `model-${id.replace(/[^a-z0-9]+/gi, "-")}`;

export function ModelPicker({ registration }: { registration: Registration }) {
  const { models } = useStudioModels();
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">Model</legend>
      <div className="space-y-2">
        {models.map((model) => (
          <label
            key={model.id}
            className="flex cursor-pointer items-start gap-3 rounded-md border border-edge p-3 has-[:checked]:border-accent has-[:checked]:bg-accent/10"
          >
            {/* Named by the model and price only; the blurb is its description, so names stay short for screen readers. */}
            <input
              type="radio"
              value={model.id}
              className="mt-1 accent-[var(--color-accent)]"
              aria-labelledby={`${slug(model.id)}-name`}
              aria-describedby={`${slug(model.id)}-blurb`}
              {...registration}
            />
            <span className="flex-1">
              <span id={`${slug(model.id)}-name`} className="flex items-baseline justify-between gap-2">
                <span className="text-sm font-medium">{model.label}</span>
                <span className="text-xs text-muted">{formatCents(model.priceCents)} / image</span>
              </span>
              <span id={`${slug(model.id)}-blurb`} className="block text-xs text-muted">
                {model.blurb}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
