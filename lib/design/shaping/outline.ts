import type { ShapedLine } from "./line";
import type { LoadedFace } from "./loaded-face";

// A shaped line as one vector path: each glyph's outline (HarfBuzz draws it from the font's glyf/CFF table, in font
// units, y up) scaled to the type size, flipped to SVG's y-down, and moved to its pen position plus offset. One
// `<path>` per line is what the preview, the composed PNG (librsvg via sharp) and the print PDF (pdf-lib's
// drawSvgPath) can all draw the same way.

type Command = { type: string; values: number[] };

const outlines = new WeakMap<LoadedFace, Map<string, Command[]>>();

/** A glyph's outline in font units, drawn once per face and glyph. */
function outline(face: LoadedFace, file: number, glyph: number): Command[] {
  let cache = outlines.get(face);
  if (!cache) {
    cache = new Map();
    outlines.set(face, cache);
  }
  const key = `${file}:${glyph}`;
  let commands = cache.get(key);
  if (!commands) {
    commands = face.files[file]?.font.glyphToJson(glyph) ?? [];
    cache.set(key, commands);
  }
  return commands;
}

const num = (n: number) => {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
};

export interface Placement {
  /** Left edge of the line, px. */
  x: number;
  /** Baseline, px. */
  baseline: number;
  /** Type size, px (one em). */
  size: number;
  /** Ems added after every character (CSS letter-spacing); not inside Arabic runs, whose letters join. */
  letterSpacing?: number;
}

/** The extra advance tracking adds after each glyph (at the end of each cluster; never inside joined scripts). */
export function trackingAfter(line: ShapedLine, text: string, letterSpacing: number): number[] {
  return line.glyphs.map((g, i) => {
    const next = line.glyphs[i + 1];
    if (!letterSpacing || (next && next.cluster === g.cluster)) return 0;
    return /\p{Script=Arabic}/u.test(text.charAt(g.cluster)) ? 0 : letterSpacing;
  });
}

/** The line's width in px as placed (with its tracking). */
export function placedWidth(line: ShapedLine, text: string, p: Pick<Placement, "size" | "letterSpacing">): number {
  const tracking = trackingAfter(line, text, p.letterSpacing ?? 0).reduce((a, b) => a + b, 0);
  return (line.width + tracking) * p.size;
}

/** SVG path data drawing the whole line. */
export function linePath(face: LoadedFace, line: ShapedLine, text: string, p: Placement): string {
  const parts: string[] = [];
  const tracking = trackingAfter(line, text, p.letterSpacing ?? 0);
  let extra = 0;
  line.glyphs.forEach((g, i) => {
    const upem = face.files[g.file]?.upem ?? 1000;
    const scale = p.size / upem;
    const ox = p.x + (g.x + extra + g.xOffset) * p.size;
    const oy = p.baseline - g.yOffset * p.size;
    for (const c of outline(face, g.file, g.id)) {
      const points: string[] = [];
      for (let k = 0; k + 1 < c.values.length; k += 2)
        points.push(`${num(ox + (c.values[k] ?? 0) * scale)} ${num(oy - (c.values[k + 1] ?? 0) * scale)}`);
      parts.push(c.type + points.join(" "));
    }
    extra += tracking[i] ?? 0;
  });
  return parts.join("");
}

/** A standalone SVG of one path (for a test or a layer): `width`×`height` px, the path filled with `fill`. */
export const pathSvg = (d: string, width: number, height: number, fill: string, background?: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${
    background ? `<rect width="100%" height="100%" fill="${background}"/>` : ""
  }<path d="${d}" fill="${fill}"/></svg>`;
