// The design editor's controls: labelled, with their error tied to them for screen readers.

const input = "w-full rounded-md border border-edge bg-panel px-3 py-2 text-sm";

export function TextField(props: {
  id: string;
  label: string;
  value: string;
  error?: string;
  multiline?: boolean;
  onChange: (value: string) => void;
}) {
  const common = {
    id: props.id,
    className: input,
    value: props.value,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": props.error ? `${props.id}-error` : undefined,
  };
  return (
    <div>
      <label htmlFor={props.id} className="mb-1 block text-sm font-medium">
        {props.label}
      </label>
      {props.multiline ? (
        <textarea rows={4} {...common} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => props.onChange(e.target.value)} />
      )}
      {props.error && (
        <p id={`${props.id}-error`} className="mt-1 text-sm text-danger">
          {props.error}
        </p>
      )}
    </div>
  );
}

export function Slider(props: {
  id: string;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <div>
      <div className="flex justify-between text-sm">
        <label htmlFor={props.id}>{props.label}</label>
        <output htmlFor={props.id} className="tabular-nums text-muted">
          {props.value}
        </output>
      </div>
      <input
        id={props.id}
        type="range"
        className="w-full"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
    </div>
  );
}
