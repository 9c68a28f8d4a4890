"use client";

import { type ReactNode, useId, useState } from "react";
import { ApiError } from "@/lib/client/api";
import { uploadFile } from "@/lib/client/uploads";

// An uploaded title treatment (a PNG with transparency) drawn instead of the title's type: sent straight to storage
// (lib/client/uploads.ts), then attached to what it belongs to (a poster, a campaign), which checks it and keeps it.
// One field for both, so a poster's logo and a campaign's are uploaded, refused and removed the same way.

export interface AttachedLogo {
  logo: string;
  /** A URL to show it by, when the caller has one (a campaign's logo: the kit's preview draws it). */
  url?: string;
}

export function LogoField(props: {
  /** Sends the upload to its owner: the logo's name. */
  attach: (uploadId: string) => Promise<AttachedLogo>;
  logo: string | undefined;
  /** Shown beside the field as a thumbnail, when given. */
  previewUrl?: string;
  label?: ReactNode;
  /** What the status line says while a logo is set. */
  setText?: string;
  /** What it says once the logo is removed. */
  removedText?: string;
  error?: string;
  disabled?: boolean;
  onChange: (logo: AttachedLogo | undefined) => void;
}) {
  const id = useId();
  const [state, setState] = useState<{ busy: boolean; message: string; failed: boolean }>({
    busy: false,
    message: "",
    failed: false,
  });
  const setText = props.setText ?? "A logo is drawn instead of the title's type.";

  async function pick(file: File | undefined) {
    if (!file) return;
    setState({ busy: true, message: `Uploading ${file.name}…`, failed: false });
    try {
      const { uploadId } = await uploadFile(file);
      props.onChange(await props.attach(uploadId));
      setState({ busy: false, message: "", failed: false });
    } catch (error) {
      const message = error instanceof ApiError ? error.message : "The logo couldn't be uploaded: try again.";
      setState({ busy: false, message, failed: true });
    }
  }

  // A refused upload is said even with a logo set (it stays): the person must see why the new one didn't take.
  const error = state.failed ? state.message : props.error;
  const status = error ?? (state.busy ? state.message : props.logo ? setText : state.message);
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {props.label ?? "Title logo (PNG with transparency, optional)"}
      </label>
      <input
        id={id}
        type="file"
        accept="image/png"
        disabled={props.disabled || state.busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-status`}
        className="w-full text-sm file:mr-3 file:rounded-md file:border file:border-edge file:bg-panel file:px-3 file:py-1.5 file:text-sm file:text-inherit"
        onChange={(e) => {
          void pick(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      <p id={`${id}-status`} role="status" className={`mt-1 text-sm ${error ? "text-danger" : "text-muted"}`}>
        {status}
      </p>
      {props.logo && (
        <div className="mt-1 flex flex-wrap items-center gap-3">
          {props.previewUrl && (
            // biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser
            <img
              src={props.previewUrl}
              alt="The title logo"
              className="h-12 w-28 rounded border border-edge bg-[repeating-conic-gradient(#2a2c36_0_25%,#1a1b22_0_50%)] bg-[length:12px_12px] object-contain p-1"
            />
          )}
          <button
            type="button"
            disabled={props.disabled}
            onClick={() => {
              props.onChange(undefined);
              setState({
                busy: false,
                message: props.removedText ?? "Logo removed: the title is set in type again.",
                failed: false,
              });
            }}
            className="rounded-md border border-edge px-3 py-1 text-sm hover:border-accent disabled:opacity-60"
          >
            Use the typed title instead
          </button>
        </div>
      )}
    </div>
  );
}
