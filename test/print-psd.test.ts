import { readPsd } from "ag-psd";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { layoutDesign } from "@/lib/design/layout";
import { bundledMeasure } from "@/lib/design/metrics";
import { designSchema } from "@/lib/design/schema";
import { smartQuotes } from "@/lib/design/typeset";
import { fieldErrors } from "@/lib/models";
import { exportRequestSchema } from "@/lib/print/export-schema";
import { composePsd } from "@/lib/print/psd";
import { pattern } from "./support/images";

// The layered PSD's text layers: each carries the design's text as the poster sets it (capitals, curled quotes, the
// lines the layout broke), in its font's PostScript name, size and colour — read back by ag-psd's reader and, for
// the text itself, found in the file's bytes as Photoshop stores it (UTF-16, lines ended by CR), so a writer that
// dropped it would fail even if ag-psd read its own mistake back. The pixels are checked by ImageMagick in
// test/integration/print-psd.test.ts.

const W = 512;
const H = 768;

const design = designSchema.parse({
  template: "classic",
  title: "Neon Tide",
  aboveTitle: "A Northlight Pictures film",
  tagline: `The sea keeps what it's "given"`,
  billing: "NORTHLIGHT PICTURES PRESENTS  A MARA OKAFOR FILM  MUSIC BY JUN ITO",
  date: "Only in cinemas June 12",
  titleColor: "#f5c542",
  titleFont: "anton",
});

const read = (bytes: Buffer) =>
  readPsd(bytes, { skipLayerImageData: true, skipCompositeImageData: true, skipThumbnail: true });
const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();
const words = (text: string) => text.replace(/\s+/g, " ").trim();

describe("the layered PSD's text layers", () => {
  it("carry the design's text as set, with its font, size and colour", async () => {
    const psd = await composePsd(await pattern(W, H), design);
    const layers = read(psd.bytes).children ?? [];
    // The art, the scrim and the five text layers (their names and order: test/integration/print-psd.test.ts).
    expect(layers.map((l) => l.name)).toEqual(psd.layers);
    expect(layers).toHaveLength(7);
    const byName = new Map(layers.map((l) => [l.name, l]));
    const text = (name: string) => byName.get(name)?.text?.text ?? "";

    // What was typed, as the poster shows it: the title and credits in capitals, the tagline's quotes curled.
    expect(words(text("Title"))).toBe("NEON TIDE");
    expect(words(text("Above-the-title credits"))).toBe("A NORTHLIGHT PICTURES FILM");
    expect(words(text("Tagline"))).toBe(smartQuotes(design.tagline ?? ""));
    expect(text("Tagline")).toContain("it’s “given”");
    expect(words(text("Release date"))).toBe("ONLY IN CINEMAS JUNE 12");
    for (const word of (design.billing ?? "").split(/\s+/)) expect(text("Billing block")).toContain(word);
    // Line for line what the renderer drew: the layout's own lines at the poster's size.
    const layout = layoutDesign(design, W, H, { measure: bundledMeasure() });
    for (const box of layout.boxes) {
      const layer = layers.find((l) => l.text && box.lines.join("\n") === l.text.text);
      expect(layer, `${box.layer}: ${box.lines.join(" / ")}`).toBeDefined();
    }
    // Stored as Photoshop stores it, whoever reads the file.
    for (const box of layout.boxes) expect(psd.bytes.includes(utf16be(box.lines.join("\r")))).toBe(true);

    const title = byName.get("Title")?.text;
    expect(title?.style?.font?.name).toBe("Anton-Regular");
    // The engine data keeps colours as fractions: read back to the nearest 8-bit value.
    const fill = title?.style?.fillColor;
    expect(fill && "r" in fill ? [fill.r, fill.g, fill.b].map(Math.round) : fill).toEqual([0xf5, 0xc5, 0x42]);
    const titleBox = layout.boxes.find((b) => b.layer === "title");
    expect(title?.style?.fontSize).toBeCloseTo(titleBox?.fontSize ?? 0, 1);
    expect(byName.get("Tagline")?.text?.style?.font?.name).toBe("Oswald-Medium");
    expect(byName.get("Billing block")?.text?.style?.font?.name).toBe("LeagueGothic-Regular");
    // The art and the scrim are pictures, not type.
    expect(byName.get("Art")?.text).toBeUndefined();
    expect(byName.get("Scrim")?.text).toBeUndefined();
  });

  it("draws a logo title as its image, with no type, and leaves out a scrim of nothing", async () => {
    const logo = await sharp({
      create: { width: 600, height: 200, channels: 4, background: { r: 224, g: 176, b: 64, alpha: 1 } },
    })
      .png()
      .toBuffer();
    const withLogo = designSchema.parse({ template: "minimal", logo: "logo-abcdefgh12", scrim: 0 });
    const psd = await composePsd(await pattern(W, H), withLogo, { logo });
    expect(psd.layers).toEqual(["Art", "Title"]);
    const title = read(psd.bytes).children?.find((l) => l.name === "Title");
    expect(title?.text).toBeUndefined();
    // The logo fitted in its box: 3:1, as uploaded.
    const width = (title?.right ?? 0) - (title?.left ?? 0);
    const height = (title?.bottom ?? 0) - (title?.top ?? 0);
    expect(width / height).toBeCloseTo(3, 1);
  });
});

describe("the export request", () => {
  const errors = (value: unknown) => {
    const result = exportRequestSchema.safeParse(value);
    return result.success ? {} : fieldErrors(result.error);
  };
  it("takes a PSD without a size, refuses one with print settings, and still wants a size for a print master", () => {
    expect(exportRequestSchema.parse({ format: "psd" })).toEqual({ format: "psd" });
    expect(errors({ format: "psd", size: "a1", bleedIn: 0.125 })).toEqual({
      size: "A layered PSD is the poster's own pixels: it takes no print size, bleed or resolution.",
      bleedIn: "A layered PSD is the poster's own pixels: it takes no print size, bleed or resolution.",
    });
    expect(errors({ format: "pdf" }).size).toMatch(/^Pick a print size: us-one-sheet, /);
    expect(errors({ format: "tiff", bleedIn: 0.25 }).size).toMatch(/^Pick a print size: /);
  });
});
