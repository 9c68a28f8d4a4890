"use client";

import type { OperationId } from "@/lib/models";
import { OPERATION_GROUPS, operation } from "./operation-menu";

// The operations as toggle buttons, in groups a marketing team thinks in.

const pill = "rounded-full border px-3 py-1.5 text-sm aria-pressed:border-accent aria-pressed:bg-accent/15";

export function OperationPicker(props: { value: OperationId; onChange: (id: OperationId) => void }) {
  return (
    <div className="flex flex-wrap gap-x-6 gap-y-3">
      {OPERATION_GROUPS.map((group) => (
        // biome-ignore lint/a11y/useSemanticElements: a labelled group of toggle buttons, not a form fieldset
        <div key={group.label} role="group" aria-label={group.label} className="space-y-1">
          <p aria-hidden className="text-xs font-medium uppercase tracking-wide text-muted">
            {group.label}
          </p>
          <div className="flex flex-wrap gap-1.5">
            {group.ids.map((gid) => (
              <button
                key={gid}
                type="button"
                aria-pressed={gid === props.value}
                className={`${pill} ${gid === props.value ? "border-accent" : "border-edge hover:border-accent"}`}
                onClick={() => props.onChange(gid)}
              >
                {operation(gid).label}
              </button>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
