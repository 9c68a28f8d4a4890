import "@fontsource/anton/latin-400.css";
import "@fontsource/bebas-neue/latin-400.css";
import "@fontsource/cinzel/latin-700.css";
import "@fontsource/fira-sans-extra-condensed/latin-700.css";
import "@fontsource/league-gothic/latin-400.css";
import "@fontsource/oswald/latin-500.css";
import "@fontsource/roboto-condensed/latin-500.css";
import { FONT_IDS, FONTS, type FontId, scriptsOfFace } from "@/lib/design/fonts";

// A list of the bundled faces, each named in its own face, so the choice is made by eye, with the scripts it sets
// (a Greek or Cyrillic title needs a face that has them). (These font files load on the editor's page only.)
export function FontPicker(props: {
  legend: string;
  name: string;
  value: FontId;
  onChange: (font: FontId) => void;
  /** Why the campaign's brand kit holds this face (a save was refused for changing it). */
  locked?: string;
  /** Laid across a wide form (more faces to a row). */
  wide?: boolean;
}) {
  const lockId = `${props.name}-locked`;
  return (
    <fieldset aria-describedby={props.locked ? lockId : undefined}>
      <legend className="mb-1 text-sm font-medium">
        {props.legend}
        {props.locked && <LockedMark />}
      </legend>
      <div className={`grid grid-cols-2 gap-1 ${props.wide ? "sm:grid-cols-3 xl:grid-cols-4" : ""}`}>
        {FONT_IDS.map((id) => (
          <label
            key={id}
            className="flex cursor-pointer items-center gap-2 rounded border border-edge px-2 py-1 has-[:checked]:border-accent has-[:checked]:bg-accent/10"
          >
            <input
              type="radio"
              name={props.name}
              value={id}
              checked={props.value === id}
              onChange={() => props.onChange(id)}
              className="sr-only"
            />
            <span className="flex flex-col">
              <span style={{ fontFamily: `"${FONTS[id].family}"`, fontWeight: FONTS[id].weight }} className="text-lg">
                {FONTS[id].label}
              </span>
              <span className="text-xs text-muted">{scriptsOfFace(id).join(" · ")}</span>
            </span>
          </label>
        ))}
      </div>
      <LockedNote id={lockId} message={props.locked} />
    </fieldset>
  );
}

/** A padlock, drawn (the system may have no emoji font). */
export function LockIcon(props: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className={props.className ?? "inline h-3.5 w-3.5"} fill="none">
      <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

/** Beside a field's label: the campaign's brand kit locks it. */
export function LockedMark() {
  return (
    <span className="ml-2 inline-flex items-center gap-1 text-xs font-normal text-danger">
      <LockIcon />
      Locked
    </span>
  );
}

/** Under a locked field: why (the kit's message), for the field's aria-describedby. */
export function LockedNote(props: { id: string; message?: string }) {
  if (!props.message) return null;
  return (
    <p id={props.id} className="mt-1 text-sm text-danger">
      {props.message} Change it in the campaign&apos;s brand kit, or put it back.
    </p>
  );
}
