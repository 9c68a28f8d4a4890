"use client";

import { useId, useRef, useState } from "react";
import { ACCEPTED_TYPES, checkImageFile } from "./image-file";

// Bring in an image: a button opens the file chooser, a file dropped on the zone or pasted while focus is inside it
// (Ctrl/⌘+V) does the same. Only PNG, JPEG or WebP up to 10 MB reach `onFile`; anything else gets a plain reason.
// The parent owns the upload itself and tells this zone how it is going through `busy`, `progress` and `status`.

export function UploadDrop(props: {
  onFile: (file: File) => void;
  label?: string;
  /** An upload is under way: no new file is taken until it ends. */
  busy?: boolean;
  /** 0–1 while uploading, when known. */
  progress?: number;
  /** What is happening, in words ("Uploading sketch.png…", "Uploaded"). */
  status?: string;
  /** A failure from the parent (e.g. the upload was refused). */
  error?: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [problem, setProblem] = useState("");
  const label = props.label ?? "Upload an image";

  async function take(file: File | undefined) {
    if (props.busy) return;
    if (!file) {
      setProblem("That wasn't a file. Choose a PNG, JPEG or WebP image.");
      return;
    }
    const reason = await checkImageFile(file);
    setProblem(reason ?? "");
    if (!reason) props.onFile(file);
  }

  const error = problem || props.error;
  // Focusable (not tabbable), so a click anywhere on the zone puts focus here and Ctrl/⌘+V pastes into it.
  return (
    <section
      aria-labelledby={`${id}-label`}
      aria-describedby={`${id}-help`}
      aria-busy={props.busy || undefined}
      tabIndex={-1}
      className={`rounded-md border-2 border-dashed p-4 text-center transition-colors focus:border-accent ${
        over ? "border-accent bg-accent/10" : "border-edge bg-panel"
      }`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        setOver(true);
      }}
      onDragLeave={(e) => {
        // Leaving for a child of the drop area isn't leaving it.
        if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void take(e.dataTransfer.files[0]);
      }}
      onPaste={(e) => {
        const file = Array.from(e.clipboardData.files)[0];
        if (!file) return; // pasted text belongs to whatever field has focus
        e.preventDefault();
        void take(file);
      }}
    >
      <h3 id={`${id}-label`} className="text-sm font-medium">
        {label}
      </h3>
      <p id={`${id}-help`} className="mt-1 text-xs text-muted">
        Drop an image here, paste one (Ctrl+V or ⌘+V), or choose a file. PNG, JPEG or WebP, up to 10 MB.
      </p>
      <input
        ref={input}
        id={`${id}-file`}
        type="file"
        accept={ACCEPTED_TYPES.join(",")}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          void take(e.target.files?.[0]);
          e.target.value = ""; // the same file chosen again is a new choice
        }}
      />
      <button
        type="button"
        disabled={props.busy}
        onClick={() => input.current?.click()}
        className="mt-3 rounded-md bg-accent px-4 py-2 text-sm font-medium text-ink hover:brightness-110 disabled:cursor-not-allowed disabled:opacity-60"
      >
        Choose a file…
      </button>
      {props.progress !== undefined && props.busy && (
        <progress
          className="mx-auto mt-3 block h-2 w-full max-w-xs accent-accent"
          aria-label="Upload progress"
          max={1}
          value={props.progress}
        />
      )}
      <p className="mt-2 min-h-5 text-sm" aria-live="polite">
        {props.status}
      </p>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </section>
  );
}
