import type { LinkReview } from "@/lib/api-types";

// Numbered pins over an image, where reviewers put their comments (x, y: 0–1 of the image). The numbers match the
// comments listed beside it. Decorative for screen readers: each comment says "pinned" and its number in words.

export interface NumberedPin {
  n: number;
  x: number;
  y: number;
  verdict?: LinkReview["verdict"];
}

export function pinsOf(reviews: LinkReview[]): Map<string, number> {
  // Oldest first gets 1, so numbers don't shift as new reviews come in.
  const numbers = new Map<string, number>();
  let n = 0;
  for (const review of [...reviews].reverse()) if (review.pin) numbers.set(review.id, ++n);
  return numbers;
}

export function PinLayer({ pins, pending }: { pins: NumberedPin[]; pending?: { x: number; y: number } }) {
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-0">
      {pins.map((pin) => (
        <span
          key={pin.n}
          style={{ left: `${pin.x * 100}%`, top: `${pin.y * 100}%` }}
          className="absolute flex size-7 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border-2 border-white bg-accent text-xs font-bold text-ink shadow-lg"
        >
          {pin.n}
        </span>
      ))}
      {pending && (
        <span
          style={{ left: `${pending.x * 100}%`, top: `${pending.y * 100}%` }}
          className="absolute flex size-8 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border-2 border-accent bg-ink/80 text-sm font-bold text-accent shadow-lg ring-4 ring-accent/40"
        >
          +
        </span>
      )}
    </div>
  );
}
