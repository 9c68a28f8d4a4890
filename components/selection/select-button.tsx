"use client";

// The round ✓ on a poster tile that picks it for the selection bar: the gallery's tiles and the studio's results.
export function SelectButton(props: {
  label: string;
  selected: boolean;
  /** A selection is under way: every button shows, not only on hover. */
  selecting: boolean;
  onSelect: (event: React.MouseEvent) => void;
  /** How visible it is when nothing is picked and no pointer is over the tile (it differs by where the tile sits). */
  idle: string;
}) {
  return (
    <button
      type="button"
      onClick={props.onSelect}
      aria-pressed={props.selected}
      aria-label={`Select: ${props.label}`}
      className={`absolute left-2 top-2 flex h-7 w-7 items-center justify-center rounded-full border-2 text-sm font-bold leading-none transition-opacity ${
        props.selected
          ? "border-accent bg-accent text-ink opacity-100"
          : `border-white/80 bg-black/50 text-transparent ${
              props.selecting ? "opacity-100" : props.idle
            } group-hover:opacity-100 focus-visible:opacity-100 group-focus-within:opacity-100`
      }`}
    >
      <span aria-hidden="true">✓</span>
    </button>
  );
}
