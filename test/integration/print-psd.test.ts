import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { POST as exportPoster } from "@/app/api/posters/[id]/exports/route";
import { layoutDesign } from "@/lib/design/layout";
import { bundledMeasure } from "@/lib/design/metrics";
import { designSchema } from "@/lib/design/schema";
import { client } from "../support/api";
import { authed, withLocalStack } from "../support/local-stack";

// The layered PSD through the API, read back by an independent reader (ImageMagick, from Debian): its layers named,
// the title layer's pixels where the layout put the title and nowhere else, and both the file's composite and its
// layers stacked equal to the composed poster the studio saved. Made in the request and handed out as a signed URL.
const local = withLocalStack();

const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
const post = async (id: string, body: unknown) => {
  const response = await exportPoster(
    authed(`http://studio.test/api/posters/${id}/exports`, { method: "POST", body: JSON.stringify(body) }),
    ctx({ id }),
  );
  return { status: response.status, body: await response.json() };
};
const download = async (url: string, file: string) => {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return response;
};

const typed = {
  template: "classic",
  aboveTitle: "A Northlight Pictures film",
  title: "Neon Tide",
  tagline: "The sea keeps what it's given",
  billing: "NORTHLIGHT PICTURES PRESENTS  A MARA OKAFOR FILM  MUSIC BY JUN ITO",
  date: "Only in cinemas June 12",
} as const;

const magick = (tool: "identify" | "convert", args: string[]) =>
  execFileSync(tool, args, { maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
/** Every pixel as ImageMagick decodes it, 8 bits a channel. */
const pixels = (args: string[], channels: "rgb" | "rgba") =>
  magick("convert", [...args, "-depth", "8", `${channels}:-`]);

/** How far two RGB pictures of the same size are apart: the mean difference, and the share of samples off by > 16. */
function difference(a: Buffer, b: Buffer) {
  expect(a.length).toBe(b.length);
  let sum = 0;
  let far = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs((a[i] ?? 0) - (b[i] ?? 0));
    sum += d;
    if (d > 16) far++;
  }
  return { mean: sum / a.length, far: far / a.length };
}

describe("POST /api/posters/{id}/exports {format: psd}", () => {
  it("makes a layered PSD, named layers that ImageMagick reads as the poster, beside the poster", async () => {
    const poster = (await client.createPoster({ prompt: "a lighthouse in a storm", aspectRatio: "2:3", seed: 31 }))
      .body;
    const saved = await saveDesign(
      authed(`http://studio.test/api/posters/${poster.id}/design`, { method: "PUT", body: JSON.stringify(typed) }),
      ctx({ id: poster.id }),
    );
    expect(saved.status).toBe(200);
    const { width, height } = poster;

    const made = await post(poster.id, { format: "psd" });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      format: "psd",
      status: "ready",
      sizeLabel: `${width}×${height} px`,
      widthPx: width,
      heightPx: height,
    });
    // Not a print master: no bleed, no print resolution, no crop.
    expect(made.body.bleedIn).toBeUndefined();
    expect(made.body.effectivePpi).toBeUndefined();
    // A short-lived signed URL to the file beside the other exports, never the bytes through the function.
    expect(made.body.url).toContain(`exports/${made.body.exportId}.psd`);
    expect(made.body.url).toContain("X-Amz-Expires=");
    expect(await local.objectKeys()).toContain(`posters/${poster.id}/exports/${made.body.exportId}.psd`);
    expect((await client.getPoster(poster.id)).body.exports[0]).toMatchObject({
      exportId: made.body.exportId,
      format: "psd",
    });

    const dir = mkdtempSync(path.join(os.tmpdir(), "psd-"));
    const file = path.join(dir, "poster.psd");
    const response = await download(made.body.url, file);
    expect(response.headers.get("content-disposition")).toMatch(/-layered\.psd"$/);

    // ImageMagick lists the composite first, then each layer bottom up, named by its label.
    const listed = magick("identify", ["-format", "%l|%w|%h\n", file]).toString().trim().split("\n");
    expect(listed[0]).toBe(`|${width}|${height}`);
    const names = listed.slice(1).map((line) => line.split("|")[0]);
    expect(names).toEqual([
      "Art",
      "Scrim",
      "Billing block",
      "Release date",
      "Tagline",
      "Above-the-title credits",
      "Title",
    ]);

    // The title layer alone, placed on the poster's canvas: opaque on the title's letters, transparent elsewhere.
    const design = designSchema.parse(typed);
    const layout = layoutDesign(design, width, height, { measure: bundledMeasure() });
    const title = layout.boxes.find((b) => b.layer === "title");
    if (!title) throw new Error("no title box");
    const titleLayer = `${file}[${names.indexOf("Title") + 1}]`;
    const alpha = pixels(
      ["-size", `${width}x${height}`, "xc:none", titleLayer, "-background", "none", "-flatten"],
      "rgba",
    );
    expect(alpha.length).toBe(width * height * 4);
    const slack = title.fontSize * 0.15;
    let inside = 0;
    let opaqueInside = 0;
    let strayOutside = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const a = alpha[(y * width + x) * 4 + 3] ?? 0;
        const inBox = x >= title.x && x < title.x + title.width && y >= title.y && y < title.y + title.height;
        const nearBox =
          x >= title.x - slack &&
          x < title.x + title.width + slack &&
          y >= title.y - slack &&
          y < title.y + title.height + slack;
        if (inBox) {
          inside++;
          if (a > 200) opaqueInside++;
        } else if (!nearBox && a > 0) strayOutside++;
      }
    }
    // Capitals fill a good share of their line box; nothing of the title's layer lies away from it.
    expect(opaqueInside / inside).toBeGreaterThan(0.08);
    expect(strayOutside).toBe(0);

    // The file's composite, and its layers stacked by ImageMagick, are the poster the studio composed and saved.
    const composedFile = path.join(dir, "composed.png");
    // The poster's `url` shows the composed poster once it has a design.
    await download((await client.getPoster(poster.id)).body.url, composedFile);
    const composed = pixels([composedFile, "-alpha", "off"], "rgb");
    expect(composed.length).toBe(width * height * 3);
    const composite = difference(pixels([`${file}[0]`, "-alpha", "off"], "rgb"), composed);
    expect(composite.mean).toBeLessThan(0.5);
    expect(composite.far).toBeLessThan(0.001);
    const stacked = difference(
      pixels([file, "-delete", "0", "-background", "black", "-flatten", "-alpha", "off"], "rgb"),
      composed,
    );
    expect(stacked.mean).toBeLessThan(1);
    expect(stacked.far).toBeLessThan(0.002);
  }, 60_000);

  it("asks for a design first, and takes no print size", async () => {
    const plain = (await client.createPoster({ prompt: "a harbour at dawn", aspectRatio: "2:3", seed: 32 })).body;
    const refused = await post(plain.id, { format: "psd" });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe("Design the poster first: a layered file has its lettering as layers.");
    const sized = await post(plain.id, { format: "psd", size: "a1" });
    expect(sized.status).toBe(400);
    expect(sized.body.error.fields.size).toBe(
      "A layered PSD is the poster's own pixels: it takes no print size, bleed or resolution.",
    );
    expect((await client.getPoster(plain.id)).body.exports).toEqual([]);
  });
});
