import { describedBy, FieldError, inputClass } from "../ui/field";
import type { Registration } from "./use-poster-form";

const HELP = "The same seed, prompt and settings make the same image again.";

export function SeedControl(props: {
  locked: boolean;
  onLockedChange: (locked: boolean) => void;
  onRoll: () => void;
  registration: Registration;
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
          className="rounded-md border border-edge px-3 hover:border-accent"
          aria-label="Roll a random seed and lock it"
          title="Roll a random seed and lock it"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            width="20"
            height="20"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
          >
            <rect x="3.5" y="3.5" width="17" height="17" rx="3.5" />
            <g fill="currentColor" stroke="none">
              <circle cx="8.5" cy="8.5" r="1.5" />
              <circle cx="15.5" cy="15.5" r="1.5" />
              <circle cx="12" cy="12" r="1.5" />
              <circle cx="15.5" cy="8.5" r="1.5" />
              <circle cx="8.5" cy="15.5" r="1.5" />
            </g>
          </svg>
        </button>
      </div>
      <p id="seed-help" className="mt-1 text-xs text-muted">
        {HELP}
      </p>
      <FieldError id="seed" message={props.error} />
    </fieldset>
  );
}
