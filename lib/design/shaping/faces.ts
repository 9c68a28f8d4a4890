import { FONT_IDS, type FontId, fontFiles } from "../fonts";

// The faces the shaping engine can set: the display faces the editor offers (fonts.ts, the files satori loads
// today) and the first script faces for the markets those can't letter (issue 19): Noto Sans Hebrew and Arabic.
// The script faces aren't in fonts.ts's FONTS yet (the editor and the schema list those): they join it when the
// renderer sets type through the engine. Each face is @fontsource's subsets of one weight, the script's own first,
// so a run goes to the file that maps its characters (shape.ts).

interface ScriptFace {
  label: string;
  package: string;
  weight: number;
  /** @fontsource subsets, in the order a character is looked for. */
  subsets: readonly string[];
  /** ISO 15924 codes of the scripts the face is bundled for. */
  scripts: readonly string[];
}

export const SCRIPT_FACES = {
  "noto-sans-hebrew": {
    label: "Noto Sans Hebrew",
    package: "noto-sans-hebrew",
    weight: 400,
    subsets: ["hebrew", "latin", "latin-ext"],
    scripts: ["Hebr"],
  },
  "noto-sans-arabic": {
    label: "Noto Sans Arabic",
    package: "noto-sans-arabic",
    weight: 400,
    subsets: ["arabic", "latin", "latin-ext"],
    scripts: ["Arab"],
  },
} as const satisfies Record<string, ScriptFace>;

export type ScriptFaceId = keyof typeof SCRIPT_FACES;
export type ShapingFaceId = FontId | ScriptFaceId;

const isScriptFace = (id: ShapingFaceId): id is ScriptFaceId => id in SCRIPT_FACES;

/** Whether `id` names a face the engine can set (a display face or a script face). */
export const isShapingFace = (id: string): id is ShapingFaceId =>
  id in SCRIPT_FACES || FONT_IDS.some((font) => font === id);

/** A face's files, from the project's root, in the order a character is looked for: for a display face exactly the
 * files satori loads (fonts.ts fontFiles), so both agree on which file draws each character. */
export function shapingFiles(id: ShapingFaceId): string[] {
  if (!isScriptFace(id)) return fontFiles(id).map((f) => f.file);
  const face = SCRIPT_FACES[id];
  return face.subsets.map(
    (subset) => `node_modules/@fontsource/${face.package}/files/${face.package}-${subset}-${face.weight}-normal.woff`,
  );
}
