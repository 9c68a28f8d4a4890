import { keysOf, nonEmpty } from "../tuples";
import { SCRIPTS, type Script } from "./scripts";

interface Face {
  label: string;
  family: string;
  package: string;
  weight: number;
  width: number;
  scripts: readonly Script[];
}

// The display faces bundled with the app (@fontsource, open licences), as the editor lists them and the renderer
// loads them. `width` is the face's average advance per character, in ems, for fitting lines before rendering.
// `scripts` are the writing systems the face sets: the renderer loads each one's subsets (SUBSETS below), and
// test/design-glyphs.test.ts checks the files really set every letter of each (and that no subset is left out).
export const FONTS = {
  "bebas-neue": {
    label: "Bebas Neue",
    family: "Bebas Neue",
    package: "bebas-neue",
    weight: 400,
    width: 0.42,
    scripts: ["Latin"],
  },
  anton: { label: "Anton", family: "Anton", package: "anton", weight: 400, width: 0.5, scripts: ["Latin"] },
  oswald: {
    label: "Oswald",
    family: "Oswald",
    package: "oswald",
    weight: 500,
    width: 0.5,
    scripts: ["Latin", "Cyrillic"],
  },
  "league-gothic": {
    label: "League Gothic",
    family: "League Gothic",
    package: "league-gothic",
    weight: 400,
    width: 0.36,
    scripts: ["Latin"],
  },
  cinzel: { label: "Cinzel", family: "Cinzel", package: "cinzel", weight: 700, width: 0.72, scripts: ["Latin"] },
  // Condensed faces that set Greek and Cyrillic too: a bold one for titles, a medium one for text and billing.
  "fira-sans-extra-condensed": {
    label: "Fira Sans Extra Condensed",
    family: "Fira Sans Extra Condensed",
    package: "fira-sans-extra-condensed",
    weight: 700,
    width: 0.5,
    scripts: ["Latin", "Greek", "Cyrillic"],
  },
  "roboto-condensed": {
    label: "Roboto Condensed",
    family: "Roboto Condensed",
    package: "roboto-condensed",
    weight: 500,
    width: 0.56,
    scripts: ["Latin", "Greek", "Cyrillic"],
  },
} as const satisfies Record<string, Face>;

export type FontId = keyof typeof FONTS;
export const FONT_IDS = nonEmpty(keysOf(FONTS), "fonts");

/** The scripts a face declares, in SCRIPTS order (typed as scripts, not as the literal's own tuple). */
export const scriptsOfFace = (id: FontId): Script[] => {
  const declared: readonly Script[] = FONTS[id].scripts;
  return SCRIPTS.filter((script) => declared.includes(script));
};

/** The faces that set `script`, in the editor's order: what to suggest when the chosen one can't. */
export const facesFor = (script: Script): FontId[] => FONT_IDS.filter((id) => scriptsOfFace(id).includes(script));

// @fontsource splits each face by script, as its file names say: the basic alphabet, then the extension (Polish,
// Czech, Turkish and Romanian letters are latin-ext; Ukrainian and Serbian ones cyrillic-ext).
const SUBSETS: Record<Script, readonly string[]> = {
  Latin: ["latin", "latin-ext"],
  Greek: ["greek", "greek-ext"],
  Cyrillic: ["cyrillic", "cyrillic-ext"],
};

export interface FontFile {
  /** The name satori knows this subset by: the face's id for its Latin file, `id~subset` for the others. */
  name: string;
  /** The .woff inside the @fontsource package (satori reads woff, not woff2), from the project's root. */
  file: string;
}

/** Every file of a face, Latin first: satori tries them in this order (fontFamily), and metrics.ts reads a code
 * point's advance from the first that maps it, so both agree on which file draws each character. */
export function fontFiles(id: FontId): FontFile[] {
  const font = FONTS[id];
  return scriptsOfFace(id)
    .flatMap((script) => SUBSETS[script])
    .map((subset, i) => ({
      name: i === 0 ? id : `${id}~${subset}`,
      file: `node_modules/@fontsource/${font.package}/files/${font.package}-${subset}-${font.weight}-normal.woff`,
    }));
}

/** The CSS font-family that sets a face from its own subsets only, in order. */
export const fontFamily = (id: FontId) =>
  fontFiles(id)
    .map((f) => f.name)
    .join(", ");
