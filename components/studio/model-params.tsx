import type { ParamSpec } from "@/lib/models/types";
import { describedBy, Field, inputClass } from "../ui/field";
import type { Register } from "./use-poster-form";

// The controls a model really has, rendered from its catalogue entry: only the chosen model's appear.
export function ModelParams(props: {
  params: readonly ParamSpec[];
  /** Parameter names come from the catalogue at run time. */
  register: Register;
  values: Record<string, unknown>;
  errors: Record<string, string | undefined>;
}) {
  return props.params.map((param) => {
    const error = props.errors[param.name];
    if (param.kind === "slider") {
      return (
        <Field
          key={param.name}
          id={param.name}
          label={param.label}
          help={param.help}
          error={error}
          aside={
            <output htmlFor={param.name} className="text-sm tabular-nums text-muted">
              {String(props.values[param.name] ?? param.default)}
            </output>
          }
        >
          <input
            id={param.name}
            type="range"
            min={param.min}
            max={param.max}
            step={param.step}
            className="w-full"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(param.name, param.help, error)}
            {...props.register(param.name, { valueAsNumber: true })}
          />
        </Field>
      );
    }
    return (
      <Field key={param.name} id={param.name} label={param.label} help={param.help} error={error}>
        <select
          id={param.name}
          className={inputClass}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(param.name, param.help, error)}
          {...props.register(param.name)}
        >
          <option value="">{param.noneLabel}</option>
          {param.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
    );
  });
}
