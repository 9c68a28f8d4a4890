"use client";

import { useEffect, useRef, useState } from "react";
import { type CanvasView, canvasViewSchema } from "@/lib/design/canvas-view";
import type { DesignInput } from "@/lib/design/schema";
import { type FieldErrors, isErrorBody } from "@/lib/errors";

const DEBOUNCE_MS = 200;
export const PREVIEW_WIDTH = 520;

/** The canvas's pictures as blob URLs (object URLs stay out of the DOM's attributes and are cheap to swap). */
export interface CanvasPictures {
  /** The design body this was rendered for. */
  body: string;
  width: number;
  height: number;
  ground: string;
  layers: (Omit<CanvasView["layers"][number], "png"> & { url: string })[];
}

const blobUrl = (dataUrl: string) => {
  const [head = "", base64 = ""] = dataUrl.split(",");
  const type = /^data:([^;]+)/.exec(head)?.[1] ?? "image/png";
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type }));
};

// Asks the server to render the design at screen size (the same renderer as the saved poster), at most once per
// pause while a slider is dragged; an answer that arrives after a newer request started is dropped. The answer also
// holds the picture in layers, so the canvas can move a layer in the browser while it is dragged.
export function useDesignPreview(posterId: string, design: DesignInput, valid: boolean) {
  const [url, setUrl] = useState<string | null>(null);
  const [pictures, setPictures] = useState<CanvasPictures | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [placement, setPlacement] = useState("");
  const [busy, setBusy] = useState(false);
  // What the server refused: per field (characters the font can't set) or as a whole (too many renders a minute).
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState("");
  const latest = useRef(0);
  const body = JSON.stringify(design);

  useEffect(() => {
    if (!valid) return;
    const ticket = ++latest.current;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setBusy(true);
      try {
        const response = await fetch(`/api/posters/${posterId}/design/canvas?width=${PREVIEW_WIDTH}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
          signal: controller.signal,
        });
        if (ticket !== latest.current) return;
        const answer: unknown = await response.json().catch(() => undefined);
        if (ticket !== latest.current) return;
        if (!response.ok) {
          setFieldErrors(isErrorBody(answer) ? (answer.error.fields ?? {}) : {});
          setNotice(isErrorBody(answer) && !answer.error.fields ? answer.error.message : "");
          return;
        }
        const view = canvasViewSchema.safeParse(answer);
        if (!view.success) {
          setNotice("The preview came back in a shape this page doesn't know: reload the page.");
          return;
        }
        setFieldErrors({});
        setNotice("");
        setWarnings(view.data.warnings);
        setPlacement(view.data.placement ?? "");
        setUrl((old) => {
          if (old) URL.revokeObjectURL(old);
          return blobUrl(view.data.composed);
        });
        setPictures((old) => {
          if (old) for (const u of [old.ground, ...old.layers.map((l) => l.url)]) URL.revokeObjectURL(u);
          return {
            body,
            width: view.data.width,
            height: view.data.height,
            ground: blobUrl(view.data.ground),
            layers: view.data.layers.map(({ png, ...l }) => ({ ...l, url: blobUrl(png) })),
          };
        });
      } catch {
        // aborted by a newer change, or offline: the last preview stays
      } finally {
        if (ticket === latest.current) setBusy(false);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [posterId, body, valid]);

  return { url, pictures, warnings, placement, busy, fieldErrors, notice };
}
