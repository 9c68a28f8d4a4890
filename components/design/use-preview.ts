"use client";

import { useEffect, useRef, useState } from "react";
import type { DesignInput } from "@/lib/design/schema";
import { type FieldErrors, isErrorBody } from "@/lib/errors";

const DEBOUNCE_MS = 200;
export const PREVIEW_WIDTH = 520;

// Asks the server to render the design at screen size (the same renderer as the saved poster), at most once per
// pause while a slider is dragged; an answer that arrives after a newer request started is dropped.
export function useDesignPreview(posterId: string, design: DesignInput, valid: boolean) {
  const [url, setUrl] = useState<string | null>(null);
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
        const response = await fetch(`/api/posters/${posterId}/design/preview?width=${PREVIEW_WIDTH}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
          signal: controller.signal,
        });
        if (ticket !== latest.current) return;
        if (!response.ok) {
          const body: unknown = await response.json().catch(() => undefined);
          setFieldErrors(isErrorBody(body) ? (body.error.fields ?? {}) : {});
          setNotice(isErrorBody(body) && !body.error.fields ? body.error.message : "");
          return;
        }
        setFieldErrors({});
        setNotice("");
        const blob = await response.blob();
        setWarnings(JSON.parse(decodeURIComponent(response.headers.get("x-design-warnings") ?? "%5B%5D")));
        setPlacement(decodeURIComponent(response.headers.get("x-design-placement") ?? ""));
        setUrl((old) => {
          if (old) URL.revokeObjectURL(old);
          return URL.createObjectURL(blob);
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

  return { url, warnings, placement, busy, fieldErrors, notice };
}
