"use client";

import { type NumberedPin, PinLayer } from "../reviews/pins";
import { useCommentsIfAny } from "./comments-state";

// The poster, large, with the team's pins drawn where they were put (open threads: a resolved thread's pin is no
// longer in the way). While a thread is being pinned the image takes a click — or, from the keyboard, Enter puts the
// pin in the middle and the arrow keys move it — and the comment box says so.

const STEP = 0.02;
const clamp = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;

export function CommentedImage(props: { src: string; alt: string; width: number; height: number; className: string }) {
  const comments = useCommentsIfAny();
  const pins: NumberedPin[] =
    comments?.page.threads.flatMap((t) => {
      const n = comments.pinNumbers.get(t.id);
      return t.pin && n !== undefined && !t.resolved ? [{ n, ...t.pin }] : [];
    }) ?? [];
  const image = (
    // biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser
    <img
      src={props.src}
      alt={props.alt}
      width={props.width}
      height={props.height}
      className={`block ${props.className}`}
    />
  );

  if (!comments?.pinning) {
    return (
      <div className="relative inline-block max-w-full">
        {image}
        <PinLayer pins={pins} />
      </div>
    );
  }
  const { pending, setPending } = comments;

  function place(event: React.MouseEvent<HTMLButtonElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    // From the keyboard there is no pointer: the middle, then the arrow keys.
    setPending(
      event.detail === 0
        ? (pending ?? { x: 0.5, y: 0.5 })
        : { x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) },
    );
  }

  function nudge(event: React.KeyboardEvent<HTMLButtonElement>) {
    const by = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
    if (!by) return;
    event.preventDefault();
    const at = pending ?? { x: 0.5, y: 0.5 };
    const step = event.shiftKey ? STEP * 5 : STEP;
    setPending({ x: clamp(at.x + (by[0] ?? 0) * step), y: clamp(at.y + (by[1] ?? 0) * step) });
  }

  return (
    <div className="relative inline-block max-w-full">
      <button
        type="button"
        onClick={place}
        onKeyDown={nudge}
        aria-label={`${props.alt}. Click where the comment is about; from the keyboard, Enter pins the middle and the arrow keys move the pin.`}
        className="block max-w-full cursor-crosshair rounded-lg ring-2 ring-accent ring-offset-2 ring-offset-ink"
      >
        {image}
      </button>
      <PinLayer pins={pins} pending={pending} />
    </div>
  );
}
