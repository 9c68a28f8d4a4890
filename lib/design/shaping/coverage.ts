import "server-only";
import { FONT_IDS, type FontId } from "../fonts";
import { settableBy } from "../glyphs";
import type { ShapingFaceId } from "./faces";
import { loadFace } from "./loaded-face";

// What a face can set, read by the shaping engine from the same files it shapes with (HarfBuzz's cmap reading,
// the union of the face's subsets): the same answers as font-files.ts's fontCoverage and facesThatCanSet (cmap.ts,
// by hand), with the same signatures, so the renderer can switch its coverage check by changing an import.

/** Every code point the face's files map. */
export async function faceCoverage(id: ShapingFaceId): Promise<Set<number>> {
  const face = await loadFace(id);
  const covered = new Set<number>();
  for (const file of face.files) for (const c of file.covers) covered.add(c);
  return covered;
}

let coverage: Promise<Map<FontId, Set<number>>> | undefined;

/** The characters each bundled face can set: every code point any of its subsets maps. */
export function fontCoverage(): Promise<Map<FontId, Set<number>>> {
  coverage ??= Promise.all(
    FONT_IDS.map(async (id): Promise<[FontId, Set<number>]> => [id, await faceCoverage(id)]),
  ).then((entries) => new Map(entries));
  return coverage;
}

/** Which of `faces` (by default every bundled one, in the editor's order) can set all of `text`, in whichever layer
 * it goes (titles are set in capitals). */
export async function facesThatCanSet(text: string, faces: readonly FontId[] = FONT_IDS): Promise<FontId[]> {
  const covered = await fontCoverage();
  return settableBy(text, (font) => covered.get(font) ?? new Set(), faces);
}
