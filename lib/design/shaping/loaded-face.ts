import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Font } from "harfbuzzjs";
import { type HarfBuzz, harfbuzz } from "./engine";
import { type ShapingFaceId, shapingFiles } from "./faces";
import { sfntFromWoff } from "./woff";

// A face's files opened in the engine, read once and kept (as font-files.ts keeps satori's): each file as a HarfBuzz
// font, with the characters its character map covers, so a run can go to the file that sets it.

export interface FaceFile {
  /** The file, from the project's root. */
  file: string;
  font: Font;
  /** Font units per em: shaped advances and outlines are divided by it. */
  upem: number;
  /** Code points the file's cmap maps to a glyph (HarfBuzz's own reading of it). */
  covers: ReadonlySet<number>;
}

export interface LoadedFace {
  id: ShapingFaceId;
  files: FaceFile[];
}

const faces = new Map<ShapingFaceId, Promise<LoadedFace>>();

/** The file opened in the engine (its WOFF unwrapped to the sfnt HarfBuzz reads). */
export function openFile(hb: HarfBuzz, file: string, data: Uint8Array): FaceFile {
  const face = new hb.Face(new hb.Blob(sfntFromWoff(data)));
  return { file, font: new hb.Font(face), upem: face.upem, covers: new Set(face.collectUnicodes()) };
}

export function loadFace(id: ShapingFaceId): Promise<LoadedFace> {
  let loading = faces.get(id);
  if (!loading) {
    loading = (async () => {
      const hb = await harfbuzz();
      const files = await Promise.all(
        shapingFiles(id).map(async (file) =>
          // Not traced from here, as font-files.ts says: the font files are shipped with the server function.
          openFile(hb, file, await readFile(path.join(/* turbopackIgnore: true */ process.cwd(), file))),
        ),
      );
      return { id, files };
    })();
    faces.set(id, loading);
  }
  return loading;
}
