"use client";

import type { ExportView } from "@/lib/api-types";
import { FORMAT_NAMES } from "@/lib/print/export-schema";
import { useExports } from "./use-exports";

// A poster's print masters, as the poster page and the editor's print panel list them: what, how sharp, download.
// One still being made updates itself (useExports asks after it).

const STATUS = { queued: "Queued", running: "Being made…", ready: "Ready", failed: "Failed" } as const;

export function ExportItem({ item }: { item: ExportView }) {
  const kind = FORMAT_NAMES[item.format];
  return (
    <li className="rounded-md border border-edge p-3 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium">
          {kind} · {item.sizeLabel}
        </span>
        {item.url ? (
          <a href={item.url} className="rounded-md bg-accent px-3 py-1 text-xs font-semibold text-ink">
            Download {kind}
            <span className="sr-only"> for {item.sizeLabel}</span>
          </a>
        ) : (
          <span className="text-muted">{STATUS[item.status]}</span>
        )}
      </div>
      <p className="mt-1 text-muted">
        {item.bleedIn === undefined
          ? "Each text on its own named layer, over the art"
          : `${item.widthPx ? `${item.widthPx}×${item.heightPx} px · ${item.effectivePpi} ppi effective · ` : ""}bleed ${Math.round(item.bleedIn * 1000) / 1000} in`}
        {item.createdByName ? ` · by ${item.createdByName}` : ""}
      </p>
      {item.error && <p className="mt-1 text-danger">{item.error}</p>}
      {item.warnings.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-accent">
          {item.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function ExportList(props: { exports: ExportView[] }) {
  const { exports } = useExports(props.exports);
  if (exports.length === 0) return null;
  return (
    <section aria-labelledby="exports-h" className="space-y-2">
      <h2 id="exports-h" className="text-sm font-medium">
        Print masters
      </h2>
      <ul className="space-y-2">
        {exports.map((e) => (
          <ExportItem key={e.exportId} item={e} />
        ))}
      </ul>
    </section>
  );
}
