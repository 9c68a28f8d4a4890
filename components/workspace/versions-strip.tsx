"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { BeforeAfter } from "@/components/develop/before-after";
import { reframePlacement } from "@/components/develop/reframe-geometry";
import { OnStage } from "./canvas-slots";

// The poster's history under the canvas: what it was made from, itself, and the versions made from it. A click
// opens another (with the same tool open); Compare picks any two and lays one over the other on the canvas.

export interface StripItem {
  id: string;
  /** "Original", "This version", "Version 2: Vary". */
  label: string;
  thumbnailUrl: string;
  /** The art, for comparing (the plain art of a designed poster: the lettering would hide the change). */
  artUrl: string;
  width: number;
  height: number;
  /** What made it, from which: a reframe's source is compared where it sits on the new canvas. */
  operation: string;
  parentId?: string;
  inputs?: Record<string, number | string>;
}

const pill = "rounded-md border border-edge px-2.5 py-1 text-xs font-medium hover:border-accent";

export function VersionsStrip(props: { items: StripItem[]; currentId: string }) {
  const { items, currentId } = props;
  const search = useSearchParams();
  const tool = search.get("tool");
  const [comparing, setComparing] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  if (items.length < 2) return null;

  function startComparing() {
    // The likeliest pair first: this one and the one before it in the strip (its source), or the one after.
    const i = items.findIndex((v) => v.id === currentId);
    const other = items[i - 1] ?? items[i + 1];
    setPicked(other ? [other.id, currentId] : [currentId]);
    setComparing(true);
  }
  function toggle(id: string) {
    setPicked((now) => (now.includes(id) ? now.filter((p) => p !== id) : [...now.slice(-1), id]));
  }
  const pair = items.filter((v) => picked.includes(v.id));
  const [before, after] = pair;

  return (
    <section aria-label="History" className="flex flex-none items-center gap-2">
      <div className="flex flex-none flex-col items-start gap-1">
        <h2 className="text-xs font-medium text-muted">History</h2>
        <button
          type="button"
          aria-pressed={comparing}
          onClick={() => (comparing ? setComparing(false) : startComparing())}
          className={`${pill} aria-pressed:border-accent aria-pressed:bg-accent/10`}
        >
          {comparing ? "Done" : "Compare"}
        </button>
      </div>
      <ol aria-label="This poster's history" className="flex min-w-0 flex-1 gap-2 overflow-x-auto p-1">
        {items.map((item) => {
          const current = item.id === currentId;
          const thumb = (
            // biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser
            <img src={item.thumbnailUrl} alt="" className="h-full w-full object-cover" />
          );
          const frame = `block h-14 shrink-0 overflow-hidden rounded-md border-2 ${current ? "border-accent" : "border-edge hover:border-muted"}`;
          return (
            <li key={item.id} className="shrink-0" style={{ aspectRatio: `${item.width} / ${item.height}` }}>
              {comparing ? (
                <button
                  type="button"
                  aria-pressed={picked.includes(item.id)}
                  onClick={() => toggle(item.id)}
                  aria-label={`Compare ${item.label}`}
                  title={item.label}
                  className={`${frame} w-full aria-pressed:outline-2 aria-pressed:outline-offset-2 aria-pressed:outline-accent`}
                >
                  {thumb}
                </button>
              ) : (
                <Link
                  href={`/posters/${item.id}${tool ? `?tool=${encodeURIComponent(tool)}` : ""}`}
                  aria-current={current ? "page" : undefined}
                  aria-label={item.label}
                  title={item.label}
                  className={`${frame} w-full`}
                >
                  {thumb}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
      {comparing && (
        <OnStage>
          <div className="flex h-full w-full flex-col items-center justify-center gap-2">
            {before && after ? (
              <BeforeAfter
                beforeUrl={before.artUrl}
                afterUrl={after.artUrl}
                width={after.width}
                height={after.height}
                beforeLabel={before.label}
                afterLabel={after.label}
                placement={after.parentId === before.id ? reframePlacement(before, after) : undefined}
                frameWidth={`min(100cqw, calc((100cqh - 5rem) * ${after.width / after.height}))`}
              />
            ) : (
              <p className="rounded-md bg-ink/85 px-3 py-2 text-sm">Pick two versions in the history to compare.</p>
            )}
            {before && after && (
              <Link href={`/compare?ids=${before.id},${after.id}`} className="text-xs underline hover:text-accent">
                Open the two side by side, full size
              </Link>
            )}
          </div>
        </OnStage>
      )}
    </section>
  );
}
