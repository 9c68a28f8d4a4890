"use client";

import Link from "next/link";
import { formatCents } from "@/lib/money";
import type { FittingReach, Reach, UpscaleAdvice } from "@/lib/print/print-advice";

// What each upscaler would make of the art at the chosen print size, worked out before anything runs: its size,
// the ppi it gives and its price. Only runs worth their price get a link (the recommended one marked); the others
// say why not, and a mode that can't take the art says what it refuses.

function whyNot(reach: FittingReach, advice: UpscaleAdvice): string {
  const better = advice.useful.find((u) => u.ppi >= reach.ppi && u.cents <= reach.cents);
  if (better) return `${better.label} is as sharp for less`;
  return reach.ppi <= advice.ppi ? "no sharper than the art now" : "barely sharper than the art now";
}

export function UpscaleOptions(props: {
  advice: UpscaleAdvice;
  /** The Develop panel on the art's poster, with this upscaler picked. */
  hrefFor: (reach: FittingReach) => string;
}) {
  const { advice } = props;
  const line = (reach: Reach) => {
    if (!reach.fits) {
      return (
        <>
          <span className="font-medium">{reach.label}</span>: can&apos;t take this art — {reach.reason}
        </>
      );
    }
    const useful = advice.useful.includes(reach);
    return (
      <>
        <span className="font-medium">{reach.label}</span>: {reach.ppi} ppi · {formatCents(reach.cents)}{" "}
        <span className="text-muted">
          ({reach.output.width}×{reach.output.height} px)
        </span>
        {advice.recommended === reach && (
          <span className="ml-2 rounded bg-accent px-1.5 py-0.5 text-xs font-semibold text-ink">Recommended</span>
        )}
        {useful ? (
          <>
            {" "}
            <Link href={props.hrefFor(reach)} className="underline">
              Upscale with {reach.label}
            </Link>
          </>
        ) : (
          <span className="text-muted"> — {whyNot(reach, advice)}</span>
        )}
      </>
    );
  };
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-medium">What an upscale would give at this size</h3>
      <ul aria-label="Upscalers at this size" className="space-y-1">
        {advice.reach.map((reach) => (
          <li key={reach.mode}>{line(reach)}</li>
        ))}
      </ul>
    </div>
  );
}
