import Link from "next/link";
import type { PosterView } from "@/lib/api-types";
import { operationLabel } from "@/lib/models";
import { findPlacement } from "@/lib/print/placements";

// Where a poster came from and what was made from it: "Made from <parent> by <operation>" and a strip of versions.

/** A version's name in the strip: a format pack's names its placement ("Story 9:16"), others their operation. */
export function versionLabel(version: Pick<PosterView, "operation" | "inputs">): string {
  const placement = findPlacement(String(version.inputs?.placement ?? ""));
  return placement ? `${placement.label} ${placement.ratio}` : operationLabel(version.operation);
}

// What the operation was asked, from its inputs: the poster's own prompt is its source's (lib/posters/derived-prompt.ts).
const INSTRUCTIONS = [
  ["search", "Find"],
  ["select", "Recolour"],
  ["prompt", "Instruction"],
  ["negativePrompt", "Avoid"],
] as const;

export function instructionsOf(poster: Pick<PosterView, "inputs">): [label: string, text: string][] {
  return INSTRUCTIONS.flatMap(([input, label]): [label: string, text: string][] => {
    const value = poster.inputs?.[input];
    return typeof value === "string" && value ? [[label, value]] : [];
  });
}

function Thumb(props: { poster: PosterView; label: string; className?: string }) {
  return (
    <Link
      href={`/posters/${props.poster.id}`}
      className={`block shrink-0 overflow-hidden rounded-md border border-edge hover:border-accent ${props.className ?? ""}`}
    >
      {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
      <img src={props.poster.thumbnailUrl} alt={props.label} className="h-full w-full object-cover" />
    </Link>
  );
}

export function Lineage(props: {
  poster: PosterView;
  /** The parent, when it still exists (deleting a parent keeps its children). */
  parent?: PosterView;
  versions: PosterView[];
}) {
  const { poster, parent, versions } = props;
  const derived = poster.operation !== "generate";
  if (!derived && versions.length === 0) return null;
  const instructions = instructionsOf(poster);
  return (
    <section aria-label="Lineage" className="space-y-4 text-sm">
      {derived && (
        <div className="flex items-center gap-3">
          {parent && <Thumb poster={parent} label="The poster it was made from" className="h-16 w-16" />}
          <p>
            {parent ? (
              <>
                Made from{" "}
                <Link href={`/posters/${parent.id}`} className="underline hover:text-accent">
                  this poster
                </Link>{" "}
                by <strong>{operationLabel(poster.operation)}</strong>.
              </>
            ) : poster.parentInTrash ? (
              <>
                Made by <strong>{operationLabel(poster.operation)}</strong> from a poster that is in the{" "}
                <Link href="/trash" className="underline hover:text-accent">
                  trash
                </Link>
                .
              </>
            ) : poster.parentId ? (
              <>
                Made by <strong>{operationLabel(poster.operation)}</strong> from a poster that has since been deleted.
              </>
            ) : (
              <>
                Made from an uploaded image by <strong>{operationLabel(poster.operation)}</strong>.
              </>
            )}
          </p>
        </div>
      )}
      {derived && instructions.length > 0 && (
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
          {instructions.map(([label, text]) => (
            <div key={label} className="contents">
              <dt className="text-muted">{label}:</dt>
              <dd className="break-words">{text}</dd>
            </div>
          ))}
        </dl>
      )}
      {versions.length > 0 && (
        <div className="space-y-2">
          <h2 className="font-medium">Versions ({versions.length})</h2>
          <ul className="flex flex-wrap gap-2" aria-label="Versions">
            {versions.map((v, i) => (
              <li key={v.id} className="space-y-1">
                <Thumb poster={v} label={`Version ${i + 1}: ${versionLabel(v)}`} className="h-20 w-20" />
                <p className="w-20 truncate text-xs text-muted" title={versionLabel(v)}>
                  {versionLabel(v)}
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
