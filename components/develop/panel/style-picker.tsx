"use client";

import { useEffect, useId, useState } from "react";
import { UploadDrop } from "@/components/develop/upload-drop";
import { describedBy, inputClass } from "@/components/ui/field";
import type { PosterSummary } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import { uploadFile } from "@/lib/client/uploads";
import type { ImageInputSpec, ImageSource } from "@/lib/models/operations/types";

// The second picture of an operation that takes one (Restyle's style image): a poster of the library (any of the
// team's, picked from the newest or named by id) or an upload of one's own, through the same upload control as a
// source. The server loads and checks it like the source; this only says which one.

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const tile = "overflow-hidden rounded-md border-2 aria-pressed:border-accent";

export function StylePicker(props: {
  input: ImageInputSpec;
  value: ImageSource | null;
  onChange: (value: ImageSource | null) => void;
  error?: string;
  /** The source poster, left out of the choices (its own look is no style to take). */
  excludePosterId?: string;
}) {
  const id = useId();
  const [mode, setMode] = useState<"library" | "upload">("library");
  const [posters, setPosters] = useState<PosterSummary[] | null>(null);
  const [listError, setListError] = useState("");
  const [typed, setTyped] = useState("");
  const [upload, setUpload] = useState<{ busy: boolean; status: string; error: string; preview?: string }>({
    busy: false,
    status: "",
    error: "",
  });

  useEffect(() => {
    if (mode !== "library" || posters) return;
    let live = true;
    api
      .listPosters(new URLSearchParams({ limit: "12" }))
      .then((page) => live && setPosters(page.posters.filter((p) => p.id !== props.excludePosterId)))
      .catch((e) => live && setListError(e instanceof ApiError ? e.message : "The library couldn't be loaded."));
    return () => {
      live = false;
    };
  }, [mode, posters, props.excludePosterId]);

  useEffect(() => () => (upload.preview ? URL.revokeObjectURL(upload.preview) : undefined), [upload.preview]);

  async function take(file: File) {
    setUpload({ busy: true, status: `Uploading ${file.name}…`, error: "" });
    props.onChange(null);
    try {
      const { uploadId } = await uploadFile(file);
      setUpload({ busy: false, status: `Uploaded ${file.name}.`, error: "", preview: URL.createObjectURL(file) });
      props.onChange({ uploadId });
    } catch (e) {
      setUpload({
        busy: false,
        status: "",
        error: e instanceof ApiError ? e.message : "The image couldn't be uploaded.",
      });
    }
  }

  const picked = props.value && "posterId" in props.value ? props.value.posterId : undefined;
  const typedId = `${id}-poster-id`;
  return (
    <fieldset className="space-y-3" aria-describedby={describedBy(id, props.input.help, props.error)}>
      <legend className="text-sm font-medium">{props.input.label}</legend>
      <p id={`${id}-help`} className="text-xs text-muted">
        {props.input.help}
      </p>
      <div className="flex gap-4 text-sm">
        {(
          [
            ["library", "A poster from the library"],
            ["upload", "An image of yours"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === value}
              onChange={() => {
                setMode(value);
                props.onChange(null);
              }}
              className="accent-accent"
            />
            {label}
          </label>
        ))}
      </div>

      {mode === "library" ? (
        <div className="space-y-2">
          {listError && <p className="text-sm text-danger">{listError}</p>}
          {posters === null && !listError && <p className="text-sm text-muted">Loading the newest posters…</p>}
          {posters && posters.length === 0 && <p className="text-sm text-muted">No other posters yet.</p>}
          {posters && posters.length > 0 && (
            // biome-ignore lint/a11y/useSemanticElements: a labelled group of toggle buttons, not a form fieldset
            <div role="group" aria-label="Newest posters" className="grid grid-cols-4 gap-2 sm:grid-cols-6">
              {posters.map((poster) => (
                <button
                  key={poster.id}
                  type="button"
                  aria-pressed={picked === poster.id}
                  aria-label={`Use the style of: ${poster.prompt}`}
                  className={`${tile} ${picked === poster.id ? "border-accent" : "border-transparent"}`}
                  onClick={() => {
                    setTyped("");
                    props.onChange({ posterId: poster.id });
                  }}
                >
                  {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
                  <img src={poster.thumbnailUrl} alt="" className="aspect-square w-full object-cover" />
                </button>
              ))}
            </div>
          )}
          <div>
            <label htmlFor={typedId} className="text-xs text-muted">
              Or a poster's id
            </label>
            <input
              id={typedId}
              className={inputClass}
              value={typed}
              placeholder="e.g. from its page's address"
              onChange={(e) => {
                const value = e.target.value.trim();
                setTyped(value);
                props.onChange(ID.test(value) ? { posterId: value } : null);
              }}
            />
          </div>
        </div>
      ) : (
        <div className="space-y-2">
          <UploadDrop
            label="Upload the style image"
            onFile={take}
            busy={upload.busy}
            status={upload.status}
            error={upload.error}
          />
          {upload.preview && props.value && "uploadId" in props.value && (
            // biome-ignore lint/performance/noImgElement: a local object URL of the user's own file
            <img
              src={upload.preview}
              alt="The look to take (your upload)"
              className="max-h-40 w-auto rounded-md border border-edge"
            />
          )}
        </div>
      )}
      {props.error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
