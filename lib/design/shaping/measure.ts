import "server-only";
import { FONT_IDS, type FontId } from "../fonts";
import type { Measure } from "../metrics";
import { shaper } from "./shaper";

// The layout's Measure (metrics.ts) from shaped lines: the widths of the very glyphs the lettering draws (kerned,
// ligated, joined), where bundledMeasure adds up unkerned advances. Same arguments, synchronous once made, so
// layoutDesign takes it as it is: `layoutDesign(design, w, h, { measure: await shapedMeasure() })`.

export async function shapedMeasure(fonts: readonly FontId[] = FONT_IDS): Promise<Measure> {
  const s = await shaper(fonts);
  return (text, font, size, letterSpacing = 0) => s.measure(font, text, size, letterSpacing);
}
