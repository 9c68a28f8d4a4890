"use client";

import { useId, useState } from "react";
import { ApiError, api } from "@/lib/client/api";
import { uploadFile } from "@/lib/client/uploads";

// An uploaded title treatment (a PNG with transparency) drawn instead of the title's type: sent straight to storage
// (lib/client/uploads.ts), then attached to the poster, which checks it and keeps it beside the art.
export function LogoField(props: {
  posterId: string;
  logo: string | undefined;
  error?: string;
  onChange: (logo: string | undefined) => void;
}) {
  const id = useId();
  const [state, setState] = useState<{ busy: boolean; message: string; failed: boolean }>({
    busy: false,
    message: "",
    failed: false,
  });

  async function pick(file: File | undefined) {
    if (!file) return;
    setState({ busy: true, message: `Uploading ${file.name}…`, failed: false });
    try {
      const { uploadId } = await uploadFile(file);
      const { logo } = await api.attachLogo(props.posterId, uploadId);
      props.onChange(logo);
      setState({ busy: false, message: "Logo added: it is drawn instead of the title's type.", failed: false });
    } catch (error) {
      const message = error instanceof ApiError ? error.message : "The logo couldn't be uploaded: try again.";
      setState({ busy: false, message, failed: true });
    }
  }

  const error = props.error ?? (state.failed ? state.message : undefined);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        Title logo (PNG with transparency, optional)
      </label>
      <input
        id={id}
        type="file"
        accept="image/png"
        disabled={state.busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-status`}
        className="w-full text-sm file:mr-3 file:rounded-md file:border file:border-edge file:bg-panel file:px-3 file:py-1.5 file:text-sm file:text-inherit"
        onChange={(e) => {
          void pick(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      <p id={`${id}-status`} role="status" className={`mt-1 text-sm ${error ? "text-danger" : "text-muted"}`}>
        {error ?? (props.logo ? "A logo is drawn instead of the title's type." : state.message)}
      </p>
      {props.logo && (
        <button
          type="button"
          onClick={() => {
            props.onChange(undefined);
            setState({ busy: false, message: "Logo removed: the title is set in type again.", failed: false });
          }}
          className="mt-1 rounded-md border border-edge px-3 py-1 text-sm hover:border-accent"
        >
          Use the typed title instead
        </button>
      )}
    </div>
  );
}
