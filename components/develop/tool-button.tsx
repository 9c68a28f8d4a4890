import type { ReactNode } from "react";

// A small toolbar button; `pressed` makes it a toggle (aria-pressed) drawn in the accent colour when on.
export function ToolButton(props: {
  onClick: () => void;
  pressed?: boolean;
  disabled?: boolean;
  children: ReactNode;
  label?: string;
}) {
  return (
    <button
      type="button"
      onClick={props.onClick}
      disabled={props.disabled}
      aria-pressed={props.pressed}
      aria-label={props.label}
      className="rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:cursor-not-allowed disabled:opacity-50 aria-pressed:border-accent aria-pressed:bg-accent/10"
    >
      {props.children}
    </button>
  );
}
