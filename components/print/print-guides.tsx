import { coverCrop } from "@/lib/print/resolution";
import { type PrintSize, pageInches } from "@/lib/print/sizes";

// Drawn over the editor's preview when a print size is chosen: what the crop cuts away (shaded), the trim (solid)
// and the safe area (dashed), in the art's own coordinates so they line up with the preview at any width.

export interface Guides {
  size: PrintSize;
  art: { width: number; height: number };
}

export function PrintGuides({ size, art }: Guides) {
  const crop = coverCrop(art.width, art.height, size);
  const k = crop.width / pageInches(size).widthIn;
  const inset = (inches: number) => ({
    x: crop.left + inches * k,
    y: crop.top + inches * k,
    width: crop.width - 2 * inches * k,
    height: crop.height - 2 * inches * k,
  });
  const trim = inset(size.bleedIn);
  const safe = inset(size.bleedIn + size.safeIn);
  const outside = `M0 0H${art.width}V${art.height}H0Z M${crop.left} ${crop.top}v${crop.height}h${crop.width}v${-crop.height}Z`;
  return (
    <svg
      aria-hidden="true"
      data-testid="print-guides"
      className="pointer-events-none absolute inset-0 h-full w-full rounded-lg"
      viewBox={`0 0 ${art.width} ${art.height}`}
      preserveAspectRatio="none"
    >
      <path d={outside} fill="rgba(0,0,0,0.6)" fillRule="evenodd" />
      <rect {...trim} fill="none" stroke="#22d3ee" strokeWidth={2} vectorEffect="non-scaling-stroke" />
      <rect
        {...safe}
        fill="none"
        stroke="#f472b6"
        strokeWidth={1.5}
        strokeDasharray="6 4"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
