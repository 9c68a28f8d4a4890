import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { coveredCodePoints } from "./cmap";
import { FONT_IDS, type FontId, fontFiles } from "./fonts";
import { settableBy } from "./glyphs";

// The bundled faces' files, read once (on the first render) and kept: every subset of every face, registered with
// satori under its own name, so a style's fontFamily (fonts.ts fontFamily) finds a character in its own face's
// subsets first; and what each face can set, the union of its subsets, read from the very bytes satori is given.

export interface LoadedFont {
  face: FontId;
  name: string;
  data: Buffer;
  weight: 400;
  style: "normal";
}

let fonts: Promise<LoadedFont[]> | undefined;

export function loadFonts(): Promise<LoadedFont[]> {
  fonts ??= Promise.all(
    FONT_IDS.flatMap((face) =>
      fontFiles(face).map(async ({ name, file }) => ({
        face,
        name,
        // Not traced from here (it would pull the whole project into the server function): next.config.mjs ships the
        // font files themselves with outputFileTracingIncludes, sst.config.ts copies them beside the job worker.
        data: await readFile(path.join(/* turbopackIgnore: true */ process.cwd(), file)),
        // Each file holds one weight of its face: registered as 400, the weight satori asks for by default.
        weight: 400 as const,
        style: "normal" as const,
      })),
    ),
  );
  return fonts;
}

let coverage: Promise<Map<FontId, Set<number>>> | undefined;

/** The characters each bundled face can set: every code point any of its subsets maps. */
export function fontCoverage(): Promise<Map<FontId, Set<number>>> {
  coverage ??= loadFonts().then((loaded) => {
    const faces = new Map<FontId, Set<number>>();
    for (const font of loaded) {
      const covered = faces.get(font.face) ?? new Set<number>();
      for (const c of coveredCodePoints(font.data)) covered.add(c);
      faces.set(font.face, covered);
    }
    return faces;
  });
  return coverage;
}

/** Which of `faces` (by default every bundled one, in the editor's order) can set all of `text`, in whichever layer
 * it goes (titles are set in capitals): what to offer when the chosen face can't. */
export async function facesThatCanSet(text: string, faces: readonly FontId[] = FONT_IDS): Promise<FontId[]> {
  const covered = await fontCoverage();
  return settableBy(text, (font) => covered.get(font) ?? new Set(), faces);
}
