import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";

// Reading rendered lettering back with Debian's tesseract (`.ci/run` installs it with its Russian and Greek data):
// what a poster says is checked from its pixels, not from what the code meant to draw.

/** Tesseract's languages: English, Russian, Greek (tesseract-ocr-eng, -rus, -ell). */
export type OcrLanguage = "eng" | "rus" | "ell";

/** Reads the text in one box of the poster: cropped, light text made black on white, as OCR reads best. Upper
 * case, every run of anything but letters and digits made one space. */
export async function ocr(
  png: Buffer,
  box: { x: number; y: number; width: number; height: number },
  lang: OcrLanguage = "eng",
): Promise<string> {
  const pad = 6;
  const region = await sharp(png)
    .extract({
      left: Math.max(0, Math.floor(box.x - pad)),
      top: Math.max(0, Math.floor(box.y - pad)),
      width: Math.ceil(box.width + 2 * pad),
      height: Math.ceil(box.height + 2 * pad),
    })
    .threshold(220)
    .toBuffer();
  // A second pass: sharp applies negate before threshold within one pipeline.
  const inverted = await sharp(region).negate({ alpha: false }).png().toBuffer();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "ocr-")), "box.png");
  writeFileSync(file, inverted);
  return execFileSync("tesseract", [file, "stdout", "-l", lang, "--psm", "6"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  })
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
