import type { UseFormRegisterReturn } from "react-hook-form";
import { describedBy, FieldError, inputClass } from "../ui/field";

const HELP = "The same seed, prompt and settings make the same image again.";

export function SeedControl(props: {
  locked: boolean;
  onLockedChange: (locked: boolean) => void;
  onRoll: () => void;
  registration: UseFormRegisterReturn;
  error?: string;
}) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">Seed</legend>
      <div className="flex items-center gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" name="seed-mode" checked={!props.locked} onChange={() => props.onLockedChange(false)} />
          Random
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="seed-mode" checked={props.locked} onChange={() => props.onLockedChange(true)} />
          Locked
        </label>
      </div>
      <div className="mt-2 flex gap-2">
        <label htmlFor="seed" className="sr-only">
          Seed number
        </label>
        <input
          id="seed"
          inputMode="numeric"
          autoComplete="off"
          disabled={!props.locked}
          placeholder={props.locked ? "e.g. 1234" : "A new seed for each image"}
          className={`${inputClass} disabled:opacity-60`}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy("seed", HELP, props.error)}
          {...props.registration}
        />
        <button
          type="button"
          onClick={props.onRoll}
          className="rounded-md border border-edge px-3 text-lg hover:border-accent"
          aria-label="Roll a random seed and lock it"
          title="Roll a random seed and lock it"
        >
          <span aria-hidden="true">🎲</span>
        </button>
      </div>
      <p id="seed-help" className="mt-1 text-xs text-muted">
        {HELP}
      </p>
      <FieldError id="seed" message={props.error} />
    </fieldset>
  );
}
