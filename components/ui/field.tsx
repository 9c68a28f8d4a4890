import type { ReactNode } from "react";

// A labelled control with optional help and error text, wired for screen readers: the control gets
// aria-describedby/aria-invalid from `describedBy` and `invalid`.

export function describedBy(id: string, help?: string, error?: string): string | undefined {
  return [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm text-danger">
      {message}
    </p>
  );
}

export function Field(props: {
  id: string;
  label: ReactNode;
  help?: string;
  error?: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <div>
      <div className="mb-1 flex items-baseline justify-between gap-2">
        <label htmlFor={props.id} className="text-sm font-medium">
          {props.label}
        </label>
        {props.aside}
      </div>
      {props.children}
      {props.help && (
        <p id={`${props.id}-help`} className="mt-1 text-xs text-muted">
          {props.help}
        </p>
      )}
      <FieldError id={props.id} message={props.error} />
    </div>
  );
}

export const inputClass =
  "w-full rounded-md border border-edge bg-panel px-3 py-2 text-sm placeholder:text-muted/70 aria-[invalid=true]:border-danger";
