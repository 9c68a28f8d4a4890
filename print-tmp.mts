import { printArt } from "./test/support/print-art";
import { composePdf, composeTiff } from "./lib/print/master";
import { resolveSize } from "./lib/print/sizes";
import { designSchema } from "./lib/design/schema";
import { writeFileSync } from "node:fs";
import sharp from "sharp";
const design = designSchema.parse({ template: "classic", title: "Neon Tide", tagline: "The sea remembers everything", billing: "A NORTHLIGHT PICTURES PRODUCTION", date: "March 2027" });
const size = resolveSize("us-one-sheet");
let peak = 0; const t = setInterval(()=>{peak=Math.max(peak, process.memoryUsage().rss)}, 20);
let t0 = performance.now();
const art = await printArt(832, 1216);
const pdf = await composePdf(art, design, size, { title: "Neon Tide" });
console.log("pdf", pdf.bytes.length, pdf.widthPx, pdf.heightPx, pdf.effectivePpi, pdf.warnings, performance.now()-t0);
writeFileSync("/tmp/print/test.pdf", pdf.bytes);
const big = await printArt(4096, 6144);
for (const ppi of [150, 300]) {
  t0 = performance.now(); peak = 0;
  const tiff = await composeTiff(big, design, size, { ppi });
  console.log("tiff", ppi, tiff.bytes.length, tiff.widthPx, tiff.heightPx, tiff.effectivePpi, (performance.now()-t0)|0, "ms peak", (peak/1e6)|0, "MB", tiff.warnings);
  console.log(await sharp(tiff.bytes, {limitInputPixels:false}).metadata().then(m=>[m.space,m.channels,m.density,m.width,m.height, Boolean(m.icc)]));
  if (ppi===150) writeFileSync("/tmp/print/test.tiff", tiff.bytes);
}
clearInterval(t);
