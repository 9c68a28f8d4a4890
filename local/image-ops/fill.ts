// "Fill from the surroundings" for Erase: a push-pull pyramid. Known pixels (weight 1 − mask) are averaged down to
// coarse levels, then holes are filled back up from the smoothed coarser level, so a hole takes the colours of its
// rim and blends smoothly towards the far side. Work is confined to the mask's bounding box plus a rim.

interface Level {
  w: number;
  h: number;
  rgb: Float32Array;
  weight: Float32Array;
}

function down(l: Level): Level {
  const w = Math.max(1, Math.ceil(l.w / 2));
  const h = Math.max(1, Math.ceil(l.h / 2));
  const rgb = new Float32Array(w * h * 3);
  const weight = new Float32Array(w * h);
  for (let y = 0; y < l.h; y++) {
    for (let x = 0; x < l.w; x++) {
      const p = y * l.w + x;
      const q = (y >> 1) * w + (x >> 1);
      const wt = l.weight[p] as number;
      weight[q] = (weight[q] as number) + wt;
      for (let c = 0; c < 3; c++) rgb[q * 3 + c] = (rgb[q * 3 + c] as number) + (l.rgb[p * 3 + c] as number) * wt;
    }
  }
  for (let q = 0; q < w * h; q++) {
    const wt = weight[q] as number;
    if (wt > 0) for (let c = 0; c < 3; c++) rgb[q * 3 + c] = (rgb[q * 3 + c] as number) / wt;
    weight[q] = Math.min(1, wt);
  }
  return { w, h, rgb, weight };
}

// Fills each not-fully-known fine pixel from a bilinear sample of the coarser level at its centre.
function up(fine: Level, coarse: Level): void {
  for (let y = 0; y < fine.h; y++) {
    const cy = Math.min(Math.max(y / 2 - 0.25, 0), coarse.h - 1);
    const y0 = Math.floor(cy);
    const y1 = Math.min(y0 + 1, coarse.h - 1);
    const ay = cy - y0;
    for (let x = 0; x < fine.w; x++) {
      const p = y * fine.w + x;
      const wt = fine.weight[p] as number;
      if (wt >= 1) continue;
      const cx = Math.min(Math.max(x / 2 - 0.25, 0), coarse.w - 1);
      const x0 = Math.floor(cx);
      const x1 = Math.min(x0 + 1, coarse.w - 1);
      const ax = cx - x0;
      const q00 = (y0 * coarse.w + x0) * 3;
      const q10 = (y0 * coarse.w + x1) * 3;
      const q01 = (y1 * coarse.w + x0) * 3;
      const q11 = (y1 * coarse.w + x1) * 3;
      for (let c = 0; c < 3; c++) {
        const top = (coarse.rgb[q00 + c] as number) * (1 - ax) + (coarse.rgb[q10 + c] as number) * ax;
        const bottom = (coarse.rgb[q01 + c] as number) * (1 - ax) + (coarse.rgb[q11 + c] as number) * ax;
        const i = p * 3 + c;
        fine.rgb[i] = (fine.rgb[i] as number) * wt + (top * (1 - ay) + bottom * ay) * (1 - wt);
      }
      fine.weight[p] = 1;
    }
  }
}

/** Returns a copy of `rgba` whose masked pixels are filled from their surroundings (unmasked pixels unchanged). */
export function fillFromSurroundings(rgba: Buffer, mask: Uint8Array, width: number, height: number): Buffer {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x] === 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  const out = Buffer.from(rgba);
  if (x1 < 0) return out;
  // Up to 256 px of surroundings is plenty to borrow from, and bounds the work on a 9 MP image.
  const rim = Math.min(256, Math.max(16, Math.round(Math.max(x1 - x0, y1 - y0) * 0.5)));
  const bx = Math.max(0, x0 - rim);
  const by = Math.max(0, y0 - rim);
  const bw = Math.min(width, x1 + rim + 1) - bx;
  const bh = Math.min(height, y1 + rim + 1) - by;

  const base: Level = { w: bw, h: bh, rgb: new Float32Array(bw * bh * 3), weight: new Float32Array(bw * bh) };
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const p = y * bw + x;
      const src = ((by + y) * width + bx + x) * 4;
      base.weight[p] = 1 - (mask[(by + y) * width + bx + x] as number) / 255;
      for (let c = 0; c < 3; c++) base.rgb[p * 3 + c] = rgba[src + c] as number;
    }
  }
  const levels: Level[] = [base];
  while ((levels.at(-1) as Level).w > 1 || (levels.at(-1) as Level).h > 1) levels.push(down(levels.at(-1) as Level));
  const top = levels.at(-1) as Level;
  // A mask covering everything leaves nothing to borrow from: mid grey, as a blank canvas.
  if ((top.weight[0] as number) === 0) top.rgb.fill(128);
  for (let i = levels.length - 2; i >= 0; i--) up(levels[i] as Level, levels[i + 1] as Level);

  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const p = y * bw + x;
      const dst = ((by + y) * width + bx + x) * 4;
      if (mask[(by + y) * width + bx + x] === 0) continue;
      for (let c = 0; c < 3; c++) out[dst + c] = Math.round(base.rgb[p * 3 + c] as number);
    }
  }
  return out;
}
