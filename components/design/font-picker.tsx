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
export function FontPicker(props: { legend: string; name: string; value: FontId; onChange: (font: FontId) => void }) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium">{props.legend}</legend>
      <div className="grid grid-cols-2 gap-1">
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
    </fieldset>
  );
}
