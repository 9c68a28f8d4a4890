import { statSync } from "node:fs";
import { createElement } from "react";
import satori from "satori";
import { loadFonts } from "../lib/design/font-files";
import { fontFamily } from "../lib/design/fonts";
import { bundledMeasure } from "../lib/design/metrics";
import { engineLoadMs, harfbuzz } from "../lib/design/shaping/engine";
import { type ShapingFaceId, shapingFiles } from "../lib/design/shaping/faces";
import { shapeLineIn } from "../lib/design/shaping/line";
import { loadFace } from "../lib/design/shaping/loaded-face";
import { linePath } from "../lib/design/shaping/outline";
import { shaper } from "../lib/design/shaping/shaper";
import { kib, ms, percentile } from "./stats";

// `npx tsx --conditions=react-server bench/shaping.ts`: the shaping engine's costs (no build needed), for
// docs/lettering.md: loading the wasm, opening a face, shaping a title and drawing it as a path, beside what the
// renderer does today (metrics.ts's unshaped measure, satori setting the same line).

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const us = (v: number) => `${Math.round(v * 1000)} µs`;

const time = (f: () => unknown) => {
  const began = performance.now();
  f();
  return performance.now() - began;
};
const median = (f: () => unknown, runs = RUNS) => {
  for (let i = 0; i < 20; i++) f();
  return percentile(
    Array.from({ length: runs }, () => time(f)),
    50,
  );
};

const hb = await harfbuzz();
console.log(`harfbuzzjs load + wasm compile: ${ms(engineLoadMs() ?? Number.NaN)} (first call in this process)`);

const TITLES: [ShapingFaceId, string, "ltr" | "rtl"][] = [
  ["bebas-neue", "AVATAR: THE WAY OF WATER", "ltr"],
  ["noto-sans-hebrew", "אווטאר: דרכם של המים", "rtl"],
  ["noto-sans-arabic", "أفاتار: طريق الماء", "rtl"],
  ["noto-sans-hebrew", "פרק 2 – Part Two", "rtl"],
];

for (const id of ["bebas-neue", "oswald", "noto-sans-hebrew", "noto-sans-arabic"] as const) {
  const began = performance.now();
  await loadFace(id);
  const bytes = shapingFiles(id).reduce((n, f) => n + statSync(f).size, 0);
  console.log(`open ${id} (${shapingFiles(id).length} files, ${kib(bytes)}): ${ms(performance.now() - began)}`);
}

const s = await shaper([...new Set(TITLES.map(([id]) => id))]);
const measure = bundledMeasure();
const fonts = await loadFonts();
for (const [id, text, base] of TITLES) {
  const face = s.face(id);
  const place = { x: 0, baseline: 200, size: 200 };
  const shape = median(() => shapeLineIn(hb, face, text, base));
  const path = median(() => linePath(face, shapeLineIn(hb, face, text, base), text, place));
  const remembered = median(() => s.measure(id, text, 200, 0.02, base));
  const d = s.path(id, text, place, base).d;
  console.log(
    `${id} "${text}": shape ${us(shape)}, shape + path ${us(path)} (path ${kib(d.length)}), measured again ${us(remembered)}`,
  );
  if (id === "bebas-neue") {
    console.log(`  today: unshaped measure ${us(median(() => measure(text, id, 200)))}`);
    const line = createElement("div", { style: { display: "flex", fontFamily: fontFamily(id), fontSize: 200 } }, text);
    const satoriMs = [];
    for (let i = 0; i < 30; i++) {
      const began = performance.now();
      await satori(line, { width: 3000, height: 300, fonts });
      satoriMs.push(performance.now() - began);
    }
    console.log(`  today: satori sets the line ${ms(percentile(satoriMs.slice(5), 50))}`);
  }
}
