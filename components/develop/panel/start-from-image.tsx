"use client";

import { useEffect, useId, useState } from "react";
import { UploadDrop } from "@/components/develop/upload-drop";
import { describedBy, Field } from "@/components/ui/field";
import { ApiError } from "@/lib/client/api";
import { uploadFile } from "@/lib/client/uploads";
import type { OperationId } from "@/lib/models";
import { DevelopPanel } from "./develop-panel";

// An upload as the source: what the image is picks the operation to start with (all of them stay available).

const KINDS = [
  { value: "photo", label: "A photo or artwork to edit", start: "vary" },
  { value: "sketch", label: "A sketch or layout to turn into art", start: "control-sketch" },
  { value: "reference", label: "A reference whose style to use", start: "style-guide" },
] as const satisfies readonly { value: string; label: string; start: OperationId }[];

type Kind = (typeof KINDS)[number]["value"];

interface Uploaded {
  uploadId: string;
  url: string;
  width: number;
  height: number;
  name: string;
}

function sizeOf(url: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => reject(new Error("unreadable"));
    img.src = url;
  });
}

export function StartFromImage() {
  const [kind, setKind] = useState<Kind>("photo");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  // What the image shows: the new posters' prompt (an edit's instruction stays the edit's), so search finds them.
  const [description, setDescription] = useState("");
  const id = useId();

  useEffect(() => () => (uploaded ? URL.revokeObjectURL(uploaded.url) : undefined), [uploaded]);

  async function take(file: File) {
    setBusy(true);
    setError("");
    setStatus(`Uploading ${file.name}…`);
    const url = URL.createObjectURL(file);
    try {
      const [size, { uploadId }] = await Promise.all([sizeOf(url), uploadFile(file)]);
      setUploaded({ uploadId, url, ...size, name: file.name });
      setStatus(`Uploaded ${file.name} (${size.width}×${size.height}).`);
    } catch (e) {
      URL.revokeObjectURL(url);
      setStatus("");
      setError(e instanceof ApiError ? e.message : `${file.name} couldn't be read as an image: try another file.`);
    } finally {
      setBusy(false);
    }
  }

  const start = KINDS.find((k) => k.value === kind)?.start ?? "vary";
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="space-y-4">
          <h2 className="text-lg font-semibold">Your image</h2>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">What is it?</legend>
            {KINDS.map((k) => (
              <label key={k.value} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="kind"
                  value={k.value}
                  checked={kind === k.value}
                  onChange={() => setKind(k.value)}
                  className="accent-accent"
                />
                {k.label}
              </label>
            ))}
          </fieldset>
          <Field
            id={`${id}-description`}
            label="What it shows (optional)"
            help="Becomes the new posters' prompt, so the gallery finds them by these words: “Midnight Harbor key art, the detective on the pier”."
          >
            <input
              id={`${id}-description`}
              type="text"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              aria-describedby={describedBy(`${id}-description`, "help")}
              className="w-full rounded-md border border-edge bg-panel px-3 py-2 text-sm"
            />
          </Field>
          <UploadDrop label="Upload an image" onFile={take} busy={busy} status={status} error={error} />
        </div>
        {uploaded && (
          <div className="flex justify-center">
            {/* biome-ignore lint/performance/noImgElement: a local object URL of the user's own file */}
            <img
              src={uploaded.url}
              alt={`Your upload: ${uploaded.name}`}
              className="max-h-80 w-auto rounded-lg border border-edge object-contain"
            />
          </div>
        )}
      </div>
      {uploaded && (
        <DevelopPanel
          key={uploaded.uploadId}
          source={{
            uploadId: uploaded.uploadId,
            ...(description.trim() ? { description: description.trim() } : {}),
          }}
          image={{
            url: uploaded.url,
            width: uploaded.width,
            height: uploaded.height,
            alt: `Your upload: ${uploaded.name}`,
          }}
          initial={start}
        />
      )}
    </div>
  );
}
