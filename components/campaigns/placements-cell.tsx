"use client";

import { findPlacement, PLACEMENTS, type PlacementId } from "@/lib/print/placements";

// A market's placements in its row of the markets table: the defaults (its country's cinema poster and the
// campaign's placements), or its own pick, in a disclosure that opens under the cell.

const placementLabel = (id: string) => findPlacement(id)?.label ?? id;

/** A market's placements: the defaults (its national poster and the campaign's), or its own pick. */
export function PlacementsCell(props: {
  label: string;
  value: PlacementId[] | null;
  defaults: PlacementId[];
  error?: string;
  errorId: string;
  onChange: (placements: PlacementId[] | null) => void;
}) {
  const shown = props.value ?? props.defaults;
  const toggle = (id: PlacementId, on: boolean) => {
    const next = on ? [...shown, id] : shown.filter((p) => p !== id);
    props.onChange(PLACEMENTS.map((p) => p.id).filter((p) => next.includes(p)));
  };
  return (
    <details className="w-40 text-sm">
      <summary
        className="cursor-pointer rounded border border-edge bg-ink px-2 py-1.5 aria-[invalid=true]:border-danger"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? props.errorId : undefined}
      >
        {props.value ? `${shown.length} placements` : `Default: ${shown.length}`}
        <span className="sr-only">, placements of {props.label}</span>
        <span className="block truncate text-xs text-muted">{shown.map(placementLabel).join(", ")}</span>
      </summary>
      <fieldset className="mt-2 space-y-1">
        <legend className="sr-only">Placements of {props.label}</legend>
        {PLACEMENTS.map((p) => (
          <label key={p.id} className="flex items-center gap-2 text-xs">
            <input type="checkbox" checked={shown.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
            {p.label}
          </label>
        ))}
        {props.value && (
          <button type="button" className="mt-1 text-xs text-accent underline" onClick={() => props.onChange(null)}>
            Use the defaults
          </button>
        )}
      </fieldset>
      {props.error && (
        <p id={props.errorId} className="mt-1 text-xs text-danger">
          {props.error}
        </p>
      )}
    </details>
  );
}
