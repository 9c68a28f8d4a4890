import sharp from "sharp";

// `npm run screenshot`, last step: the review, print and format-pack journeys save full-page screenshots (and the
// exported PDF rendered by pdftoppm) under test-results/; the README shows the part of each that matters.

const SHOTS = "test-results/shots";
const crops: { from: string; to: string; height?: number; top?: number }[] = [
  { from: `${SHOTS}/reviewer-390.png`, to: "docs/review-phone.png", height: 1400 },
  { from: `${SHOTS}/inbox-1440.png`, to: "docs/reviews-inbox.png", height: 700 },
  { from: `${SHOTS}/print-panel-1440.png`, to: "docs/print-panel.png", height: 1400 },
  { from: `${SHOTS}/us-one-sheet-pdf.png`, to: "docs/print-master-pdf.png" },
  { from: "test-results/format-pack/results-1280.png", to: "docs/format-pack.png", top: 880, height: 1310 },
];

for (const { from, to, top = 0, height } of crops) {
  const image = sharp(from);
  const { width = 0, height: full = 0 } = await image.metadata();
  await image
    .extract({ left: 0, top, width, height: Math.min(height ?? full, full - top) })
    .png()
    .toFile(to);
  console.log(`${to} ← ${from}`);
}
