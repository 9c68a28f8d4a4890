import type { APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { makePoster } from "./fixtures";
import { expect, test } from "./members";

// `npm run screenshot` also draws docs/operations.png for the README: each operation's before and after, made through
// the REST API against the offline emulator (procedural pictures: the sizes, masks and lineage are the real thing).
test.skip(!process.env.SCREENSHOTS, "only when refreshing the README's screenshots");

type Poster = { id: string; url: string; width: number; height: number };

async function upload(request: APIRequestContext, png: Buffer): Promise<string> {
  const ticket = await (
    await request.post("/api/uploads", { data: { contentType: "image/png", bytes: png.byteLength } })
  ).json();
  const response = await request.post(ticket.url, {
    multipart: { ...ticket.fields, file: { name: "mask.png", mimeType: "image/png", buffer: png } },
  });
  expect(response.status()).toBe(204);
  return ticket.uploadId;
}

async function develop(request: APIRequestContext, body: Record<string, unknown>): Promise<Poster> {
  const response = await request.post("/api/posters", { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

const HEIGHT = 260;
async function thumb(request: APIRequestContext, url: string): Promise<Buffer> {
  const bytes = Buffer.from(await (await request.get(url)).body());
  // A checkerboard behind transparent cut-outs, as editors show them.
  const tile = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#888" } })
    .composite([{ input: { create: { width: 8, height: 8, channels: 3, background: "#bbb" } }, left: 0, top: 0 }])
    .png()
    .toBuffer();
  const resized = await sharp(bytes).resize({ height: HEIGHT }).png().toBuffer();
  const { width = HEIGHT } = await sharp(resized).metadata();
  return sharp({ create: { width, height: HEIGHT, channels: 3, background: "#888" } })
    .composite([{ input: tile, tile: true }, { input: resized }])
    .png()
    .toBuffer();
}

test("README: every operation's before and after", async ({ request }) => {
  test.setTimeout(180_000);
  const made = await makePoster(request, {
    prompt: "a lone detective on a rain-soaked harbor at midnight, neon city skyline",
    aspectRatio: "2:3",
    seed: 2026,
  });
  const source: Poster = await (await request.get(`/api/posters/${made.id}`)).json();
  const from = { source: { posterId: source.id } };
  const mask = await sharp({ create: { width: source.width, height: source.height, channels: 3, background: "#000" } })
    .composite([
      {
        input: {
          create: {
            width: Math.round(source.width / 3),
            height: Math.round(source.height / 6),
            channels: 3,
            background: "#fff",
          },
        },
        left: Math.round(source.width / 3),
        top: Math.round(source.height * 0.55),
      },
    ])
    .png()
    .toBuffer();
  const maskId = await upload(request, mask);

  const rows: [string, Record<string, unknown>][] = [
    ["vary", { operation: "vary", prompt: "a detective on a harbor at dawn", strength: 0.6 }],
    ["reframe 2:3 → 16:9", { operation: "reframe", aspectRatio: "16:9" }],
    ["inpaint (mask)", { operation: "inpaint", mask: { uploadId: maskId }, prompt: "a red umbrella" }],
    ["search-replace", { operation: "search-replace", search: "the figure", prompt: "a lighthouse" }],
    ["search-recolor", { operation: "search-recolor", select: "the moon", prompt: "gold" }],
    ["erase (mask)", { operation: "erase", mask: { uploadId: maskId } }],
    ["remove-background", { operation: "remove-background" }],
    ["upscale fast (4×)", { operation: "upscale", mode: "fast" }],
    ["control-sketch", { operation: "control-sketch", prompt: "a spy thriller one-sheet", controlStrength: 0.7 }],
    ["style-guide", { operation: "style-guide", prompt: "a courtroom drama", fidelity: 0.6, aspectRatio: "2:3" }],
  ];
  const before = await thumb(request, source.url);
  const lines: { svg: Buffer; row: Buffer; width: number }[] = [];
  for (const [label, body] of rows) {
    const after = await develop(request, { ...body, ...from });
    const afterThumb = await thumb(request, after.url);
    const { width: afterWidth = HEIGHT } = await sharp(afterThumb).metadata();
    const { width: beforeWidth = HEIGHT } = await sharp(before).metadata();
    const width = 220 + beforeWidth + 16 + afterWidth;
    const text = `${label}\n${source.width}×${source.height} → ${after.width}×${after.height}`;
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="220" height="${HEIGHT}"><style>text{font:600 18px sans-serif;fill:#f4f4f5}.s{font:400 14px sans-serif;fill:#a1a1aa}</style>` +
        `<text x="0" y="${HEIGHT / 2 - 6}">${text.split("\n")[0]}</text><text class="s" x="0" y="${HEIGHT / 2 + 18}">${text.split("\n")[1]}</text></svg>`,
    );
    const row = await sharp({ create: { width, height: HEIGHT, channels: 3, background: "#0c0d12" } })
      .composite([
        { input: svg, left: 0, top: 0 },
        { input: before, left: 220, top: 0 },
        { input: afterThumb, left: 220 + beforeWidth + 16, top: 0 },
      ])
      .png()
      .toBuffer();
    lines.push({ svg, row, width });
  }
  const width = Math.max(...lines.map((l) => l.width)) + 32;
  const gap = 16;
  await sharp({
    create: { width, height: lines.length * (HEIGHT + gap) + gap, channels: 3, background: "#0c0d12" },
  })
    .composite(lines.map((l, i) => ({ input: l.row, left: 16, top: gap + i * (HEIGHT + gap) })))
    .png({ compressionLevel: 9, palette: true })
    .toFile(`${process.env.SCREENSHOTS}/operations.png`);
});
