import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, rgb } from "@cantoo/pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { type Shaper, shaper } from "@/lib/design/shaping/shaper";

// The print master's way with lettering (lib/print/master.ts: pdf-lib's drawSvgPath of each outline path) given
// shaped lines instead of satori's: the PDF must hold no text objects and no fonts (vector outlines only, as the
// printer gets them), and read back right once poppler renders it (pdftoppm, then tesseract in the line's language).

const PT = 48;

let s: Shaper;
beforeAll(async () => {
  s = await shaper(["noto-sans-hebrew", "noto-sans-arabic"]);
});

async function pdfOf(lines: { id: "noto-sans-hebrew" | "noto-sans-arabic"; text: string }[]) {
  const doc = await PDFDocument.create();
  const page = doc.addPage([400, 100 * lines.length]);
  lines.forEach(({ id, text }, i) => {
    const { d } = s.path(id, text, { x: 30, baseline: 30 + PT + i * 100, size: PT }, "rtl");
    // As master.ts draws satori's paths: drawSvgPath flips SVG's downward y, the origin at the top-left corner.
    page.drawSvgPath(d, { x: 0, y: page.getHeight(), color: rgb(0, 0, 0), borderWidth: 0 });
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), "shaping-pdf-"));
  const file = path.join(dir, "lines.pdf");
  writeFileSync(file, await doc.save({ useObjectStreams: false }));
  return { dir, file };
}

const readBack = (pdf: { dir: string; file: string }, lang: string) => {
  execFileSync("pdftoppm", ["-r", "150", "-png", "-singlefile", pdf.file, path.join(pdf.dir, "page")]);
  return execFileSync("tesseract", [path.join(pdf.dir, "page.png"), "stdout", "-l", lang, "--psm", "6"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  })
    .replace(/[\u200e\u200f\u061c]/g, "")
    .trim();
};

describe("shaped lines in a print PDF", () => {
  it("draws them as outlines: no fonts, no text objects", async () => {
    const pdf = await pdfOf([
      { id: "noto-sans-hebrew", text: "שלום" },
      { id: "noto-sans-arabic", text: "سلام" },
    ]);
    const fonts = execFileSync("pdffonts", [pdf.file], { encoding: "utf8" }).trim().split("\n");
    // pdffonts prints its two header lines and then one line per font.
    expect(fonts).toHaveLength(2);
    // Nothing a PDF reader could pick up as text (no text objects), and no image: the letters are paths.
    expect(execFileSync("pdftotext", [pdf.file, "-"], { encoding: "utf8" }).trim()).toBe("");
    expect(readFileSync(pdf.file, "latin1")).not.toMatch(/\/Subtype\s*\/Image/);
  });

  it.each([
    ["noto-sans-hebrew", "שלום", "heb"],
    ["noto-sans-arabic", "سلام", "ara"],
  ] as const)("%s: reads back %s once rendered", async (id, text, lang) => {
    expect(readBack(await pdfOf([{ id, text }]), lang)).toBe(text);
  });
});
