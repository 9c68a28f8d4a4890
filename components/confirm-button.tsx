"use client";

import { useRef } from "react";

// A destructive action behind a native modal <dialog>: focus stays inside and Escape cancels, for free.
// No <form method="dialog"> inside, so it can sit within another form.
export function ConfirmButton(props: {
  label: string;
  /** Said to screen readers after the label, to tell one of several such buttons apart ("token e2e script"). */
  srLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        disabled={props.disabled}
        className="rounded-md border border-danger/60 px-3 py-1.5 text-sm text-danger hover:bg-danger/10 disabled:opacity-50"
      >
        {props.label}
        {props.srLabel && <span className="sr-only"> {props.srLabel}</span>}
      </button>
      <dialog
        ref={dialog}
        aria-label={props.srLabel ? `${props.label} ${props.srLabel}` : props.label}
        className="m-auto rounded-lg border border-edge bg-panel p-5 text-white backdrop:bg-black/70"
      >
        <p className="mb-4">{props.question}</p>
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            className="rounded-md border border-edge px-3 py-1.5 text-sm"
          >
            Cancel
          </button>
          <button
            type="button"
            onClick={() => {
              dialog.current?.close();
              props.onConfirm();
            }}
            className="rounded-md bg-danger px-3 py-1.5 text-sm font-semibold text-ink"
          >
            {props.confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
