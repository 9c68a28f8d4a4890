import { ASPECT_RATIOS, type AspectRatio } from "@/lib/models/aspect-ratios";
import { FieldError } from "../ui/field";
import type { Registration } from "./use-poster-form";

// Nine native radios (arrow keys move between them), each drawn as its shape and named for its use.
export function AspectRatioPicker(props: {
  registration: Registration;
  supported: readonly AspectRatio[];
  error?: string;
}) {
  return (
    <fieldset aria-describedby={props.error ? "aspectRatio-error" : undefined}>
      <legend className="mb-2 text-sm font-medium">Aspect ratio</legend>
      <div className="grid grid-cols-3 gap-2">
        {ASPECT_RATIOS.filter((r) => props.supported.includes(r.id)).map((ratio) => (
          <label
            key={ratio.id}
            className="flex cursor-pointer flex-col items-center gap-1 rounded-md border border-edge p-2 text-center has-[:checked]:border-accent has-[:checked]:bg-accent/10 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent"
          >
            <input type="radio" value={ratio.id} className="sr-only" {...props.registration} />
            <span className="flex h-10 items-center" aria-hidden="true">
              <span
                className="block border-2 border-current opacity-80"
                style={
                  ratio.w >= ratio.h
                    ? { width: 40, aspectRatio: `${ratio.w} / ${ratio.h}` }
                    : { height: 40, aspectRatio: `${ratio.w} / ${ratio.h}` }
                }
              />
            </span>
            <span className="text-xs font-medium">{ratio.name}</span>
            <span className="text-[11px] text-muted">
              {ratio.id}
              <span className="sr-only">, {ratio.use}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldError id="aspectRatio" message={props.error} />
    </fieldset>
  );
}
