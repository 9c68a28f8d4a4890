import type { ReactNode } from "react";
import { PREVIEW_WIDTH } from "./use-preview";

// The server-rendered preview and the layout's notes (settings it had to overrule).
export function DesignPreview(props: {
  url: string | null;
  busy: boolean;
  warnings: string[];
  /** Why the preview couldn't be updated, when it isn't about one field. */
  notice?: string;
  /** What to do next, when there is nothing to preview yet. */
  hint?: string;
  width: number;
  height: number;
  /** Drawn over the preview (the print guides). */
  overlay?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center gap-2">
      <div
        className="relative"
        style={{ width: PREVIEW_WIDTH, maxWidth: "100%", aspectRatio: `${props.width} / ${props.height}` }}
      >
        {props.url && (
          // biome-ignore lint/performance/noImgElement: a blob URL from the preview renderer
          <img
            src={props.url}
            alt="Preview of the designed poster"
            className="h-full w-full rounded-lg border border-edge"
          />
        )}
        {props.overlay}
        {props.busy && <span className="absolute right-2 top-2 rounded bg-black/70 px-2 py-1 text-xs">Rendering…</span>}
      </div>
      {props.hint && <p className="text-sm text-muted">{props.hint}</p>}
      {props.notice && (
        <p role="status" className="text-sm text-danger">
          {props.notice}
        </p>
      )}
      <ul aria-label="Layout notes" className="max-w-prose space-y-1 text-sm text-accent">
        {props.warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}
