"use client";

import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { InputSpec } from "@/lib/models/operations/types";
import { defaultOption, type Values } from "./operation-menu";

// The controls of one operation, generated from the catalogue's input specs (images are drawn by the panel).

export function OperationControls(props: {
  idPrefix: string;
  inputs: readonly InputSpec[];
  values: Values;
  errors: Record<string, string>;
  onChange: (name: string, value: string | number | undefined) => void;
}) {
  return (
    <div className="space-y-4">
      {props.inputs.map((input) => {
        if (input.kind === "image") return null;
        const id = `${props.idPrefix}-${input.name}`;
        const error = props.errors[input.name];
        const value = props.values[input.name];
        const aria = { "aria-describedby": describedBy(id, input.help, error), "aria-invalid": Boolean(error) };
        if (input.kind === "text") {
          return (
            <Field key={input.name} id={id} label={input.label} help={input.help} error={error}>
              <textarea
                id={id}
                rows={input.name === "prompt" ? 3 : 1}
                className={inputClass}
                value={String(value ?? "")}
                onChange={(e) => props.onChange(input.name, e.target.value)}
                {...aria}
              />
            </Field>
          );
        }
        if (input.kind === "slider") {
          const number = typeof value === "number" ? value : input.default;
          return (
            <Field
              key={input.name}
              id={id}
              label={input.label}
              help={input.help}
              error={error}
              aside={<output className="text-sm tabular-nums text-muted">{number}</output>}
            >
              <input
                id={id}
                type="range"
                min={input.min}
                max={input.max}
                step={input.step}
                value={number}
                onChange={(e) => props.onChange(input.name, Number(e.target.value))}
                className="w-full accent-accent"
                {...aria}
              />
            </Field>
          );
        }
        const hasNone = defaultOption(input) === undefined;
        return (
          <Field key={input.name} id={id} label={input.label} help={input.help} error={error}>
            <select
              id={id}
              className={inputClass}
              value={String(value ?? "")}
              onChange={(e) => props.onChange(input.name, e.target.value)}
              {...aria}
            >
              {hasNone && <option value="">{input.noneLabel}</option>}
              {input.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
        );
      })}
    </div>
  );
}
