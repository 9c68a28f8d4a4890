import "server-only";
import { harfbuzz } from "./engine";
import type { ShapingFaceId } from "./faces";
import { type LineOptions, type ShapedLine, shapeLineIn } from "./line";
import { type LoadedFace, loadFace } from "./loaded-face";
import { linePath, type Placement, placedWidth } from "./outline";
import { type Direction, type ShapedRun, type ShapeOptions, shapeRunIn } from "./shape";

// The shaping engine's entry points. `shapeRun` and `shapeLine` load what they need (the engine, the face's files)
// and shape; `shaper` loads a set of faces once and hands back the same calls synchronously, for the layout, whose
// measuring (metrics.ts Measure) is synchronous and runs many times per poster.

export async function shapeRun(id: ShapingFaceId, text: string, options: ShapeOptions = {}): Promise<ShapedRun> {
  const [hb, face] = await Promise.all([harfbuzz(), loadFace(id)]);
  return shapeRunIn(hb, face, text, options);
}

/** `text` as one line: bidi runs in visual order, each shaped in its direction. `base` is the paragraph's
 * direction (a market's: "rtl" for Hebrew and Arabic), or "auto" for its first strong character's. */
export async function shapeLine(
  id: ShapingFaceId,
  text: string,
  base: Direction | "auto" = "auto",
  options: LineOptions = {},
): Promise<ShapedLine> {
  const [hb, face] = await Promise.all([harfbuzz(), loadFace(id)]);
  return shapeLineIn(hb, face, text, base, options);
}

export interface Shaper {
  face(id: ShapingFaceId): LoadedFace;
  shapeRun(id: ShapingFaceId, text: string, options?: ShapeOptions): ShapedRun;
  shapeLine(id: ShapingFaceId, text: string, base?: Direction | "auto", options?: LineOptions): ShapedLine;
  /** Width in px of `text` set as a line at `size` px with `letterSpacing` ems (the shaped, kerned width). */
  measure(id: ShapingFaceId, text: string, size: number, letterSpacing?: number, base?: Direction | "auto"): number;
  /** The line as SVG path data, placed; and its width in px. */
  path(
    id: ShapingFaceId,
    text: string,
    placement: Placement,
    base?: Direction | "auto",
  ): { d: string; width: number; line: ShapedLine };
}

const MEMO_LINES = 4096;

/** The faces `ids` loaded once, shaped synchronously after (each line shaped once, then remembered). */
export async function shaper(ids: readonly ShapingFaceId[]): Promise<Shaper> {
  const hb = await harfbuzz();
  const loaded = ids.map(async (id): Promise<[ShapingFaceId, LoadedFace]> => [id, await loadFace(id)]);
  const faces = new Map(await Promise.all(loaded));
  const face = (id: ShapingFaceId) => {
    const found = faces.get(id);
    if (!found) throw new Error(`face ${id} wasn't loaded by this shaper`);
    return found;
  };
  // The layout measures the same words and lines over and over (at every size it tries: a shaped line in ems
  // doesn't depend on the size), where shaping one costs ~0.1 ms against a microsecond for today's hmtx sum.
  const lines = new Map<string, ShapedLine>();
  const shapeLine = (id: ShapingFaceId, text: string, base: Direction | "auto" = "auto", options: LineOptions = {}) => {
    const key = JSON.stringify([id, base, options.features ?? null, options.language ?? null, text]);
    let line = lines.get(key);
    if (!line) {
      if (lines.size >= MEMO_LINES) lines.clear();
      line = shapeLineIn(hb, face(id), text, base, options);
      lines.set(key, line);
    }
    return line;
  };
  return {
    face,
    shapeRun: (id, text, options = {}) => shapeRunIn(hb, face(id), text, options),
    shapeLine,
    measure: (id, text, size, letterSpacing = 0, base = "auto") =>
      placedWidth(shapeLine(id, text, base), text, { size, letterSpacing }),
    path: (id, text, placement, base = "auto") => {
      const line = shapeLine(id, text, base);
      return { d: linePath(face(id), line, text, placement), width: placedWidth(line, text, placement), line };
    },
  };
}
