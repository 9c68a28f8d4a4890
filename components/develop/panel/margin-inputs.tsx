"use client";

import type { Margins } from "@/components/develop/reframe-geometry";
import { inputClass } from "@/components/ui/field";

// Custom margins for Reframe, in pixels of the source (Outpaint takes 0–2000 on each side).

const NAMES = { left: "Left", right: "Right", up: "Top", down: "Bottom" } as const;

export function MarginInputs(props: {
  idPrefix: string;
  sides: readonly (keyof Margins)[];
  margins: Margins;
  errors: Record<string, string>;
  onChange: (margins: Margins) => void;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Margins to add (px)</legend>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {props.sides.map((side) => (
          <div key={side}>
            <label htmlFor={`${props.idPrefix}-${side}`} className="text-xs text-muted">
              {NAMES[side]}
            </label>
            <input
              id={`${props.idPrefix}-${side}`}
              type="number"
              min={0}
              max={2000}
              step={1}
              value={props.margins[side]}
              aria-invalid={Boolean(props.errors[side])}
              onChange={(e) =>
                props.onChange({
                  ...props.margins,
                  [side]: Math.max(0, Math.min(2000, Math.round(Number(e.target.value) || 0))),
                })
              }
              className={inputClass}
            />
            {props.errors[side] && <p className="text-xs text-danger">{props.errors[side]}</p>}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
