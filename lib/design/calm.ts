// Where the art is calm enough to carry a title: the detail in each row of a small greyscale copy of the art (edge
// energy: how much each pixel differs from its neighbours), so the title goes over sky or shadow rather than a face.

/** Rows of the small copy the art is measured on (width is less important: a title spans the poster). */
export const CALM_ROWS = 96;
export const CALM_COLUMNS = 64;

/** Detail per row, 0 (flat) to 1 (the busiest row), from `CALM_COLUMNS`×`rows` greyscale pixels. */
export function detailProfile(grey: Uint8Array, columns = CALM_COLUMNS, rows = CALM_ROWS): number[] {
  const at = (x: number, y: number) => grey[y * columns + x] ?? 0;
  const raw: number[] = [];
  for (let y = 0; y < rows; y++) {
    let energy = 0;
    for (let x = 0; x < columns; x++) {
      if (x + 1 < columns) energy += Math.abs(at(x + 1, y) - at(x, y));
      if (y + 1 < rows) energy += Math.abs(at(x, y + 1) - at(x, y));
    }
    raw.push(energy / columns);
  }
  // A little smoothing: a title covers several rows, and one stray edge shouldn't decide.
  const smooth = raw.map((_, y) => {
    const window = raw.slice(Math.max(0, y - 1), y + 2);
    return window.reduce((a, b) => a + b, 0) / window.length;
  });
  const most = Math.max(...smooth, 1e-9);
  return smooth.map((v) => v / most);
}

/** Mean detail over the part of the poster from `top` to `bottom` (px of a poster `height` tall). */
export function detailBetween(profile: number[], top: number, bottom: number, height: number): number {
  const from = Math.max(0, Math.floor((top / height) * profile.length));
  const to = Math.min(profile.length, Math.max(from + 1, Math.ceil((bottom / height) * profile.length)));
  const rows = profile.slice(from, to);
  return rows.reduce((a, b) => a + b, 0) / Math.max(1, rows.length);
}

/** The top of the calmest place for a block `size` px tall between `from` and `to`; `preferred` wins near-ties. */
export function calmestTop(
  profile: number[],
  from: number,
  to: number,
  size: number,
  height: number,
  preferred: number,
) {
  let best = { top: Math.min(Math.max(preferred, from), to - size), score: Number.POSITIVE_INFINITY };
  const step = Math.max(1, height / (profile.length * 2));
  for (let top = from; top <= to - size + 1e-6; top += step) {
    // The detail under the block, then around it (a title wants air between it and the subject), and a faint pull
    // towards the template's own place so flat art keeps it.
    const air = height * 0.15;
    const score =
      detailBetween(profile, top, top + size, height) +
      0.5 * detailBetween(profile, top - air, top + size + air, height) +
      (0.03 * Math.abs(top - preferred)) / height;
    if (score < best.score) best = { top, score };
  }
  return best.top;
}

/** "top", "middle" or "bottom": where a block centred at `centre` sits, in thirds of the poster. */
export const bandOf = (centre: number, height: number) =>
  centre < height / 3 ? "top" : centre < (2 * height) / 3 ? "middle" : "bottom";
