import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";
import { putObject } from "../lib/aws/s3";
import { artKeys } from "../lib/storage";
import { getPoster, type PosterRecord, putPoster } from "../lib/store/posters";
import { coldVisit, timePage } from "./browser";
import { revisitFigures } from "./revisit";
import type { BenchAuth } from "./session";
import { kib, ms, percentile } from "./stats";

// Issue 3's figures: the first gallery page with 1,000 posters in the table, and a shared board of 24.

const PROMPTS = [
  "a lone detective on a rainy harbor at midnight",
  "space opera, a ringed planet over alien mountains",
  "a western desert showdown at sunset, a stranger",
  "a haunted lighthouse in a winter storm",
  "neon city skyline, cyberpunk chase",
  "a forest at dawn, a hero walks",
  "volcano battle, fire and ash",
  "an ocean island at noon, sails on the sea",
];

export async function seed(baseUrl: string, count: number, headers: Record<string, string>): Promise<string[]> {
  // A few real posters through the API, then copies of them written the way the pipeline writes them (each
  // thumbnail its own S3 object), with creation times a second apart.
  const sources: { record: PosterRecord; thumb: Buffer }[] = [];
  for (const prompt of PROMPTS) {
    const response = await fetch(`${baseUrl}/api/posters`, {
      method: "POST",
      headers,
      body: JSON.stringify({ prompt }),
    });
    const { id, thumbnailUrl } = (await response.json()) as { id: string; thumbnailUrl: string };
    const thumb = Buffer.from(await (await fetch(thumbnailUrl)).arrayBuffer());
    sources.push({ record: (await getPoster(id)) as PosterRecord, thumb });
  }
  const ids: string[] = new Array(count);
  const start = Date.now() - count * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const i = next++;
        const { record: source, thumb } = sources[i % sources.length] as (typeof sources)[number];
        const id = randomBytes(12).toString("base64url");
        const createdAt = new Date(start + i * 1000).toISOString();
        const record = { ...source, id, createdAt, thumbKey: artKeys(id).thumbKey };
        await putObject(record.thumbKey, thumb, "image/webp");
        await putPoster(record);
        ids[i] = id;
      }
    }),
  );
  return ids.reverse(); // newest first
}

async function pageFigures(browser: Browser, url: string, runs: number, label: string, auth?: BenchAuth) {
  for (let i = 0; i < 3; i++) await timePage(url, auth?.cookie);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timePage(url, auth?.cookie));
  const visit = await coldVisit(browser, url, auth?.storageState);
  console.log(`\n${label}`);
  console.log(
    `  server time    p50 ${ms(percentile(times, 50))}   p95 ${ms(percentile(times, 95))} (${runs} runs; target p50 ≤ 150 ms)`,
  );
  console.log(
    `  transferred    ${kib(visit.bytes())} cold (target ≤ 300 KB): HTML ${kib(visit.bytes("document"))}, ` +
      `JS ${kib(visit.bytes("script"))}, CSS ${kib(visit.bytes("stylesheet"))}, fonts ${kib(visit.bytes("font"))}, ` +
      `images ${kib(visit.bytes("image"))} in ${visit.count("image")}`,
  );
  console.log(`  largest image  ${kib(visit.largest("image"))} (thumbnails: target ≤ 25 KB each)`);
}

export async function galleryBench(baseUrl: string, browser: Browser, runs: number, auth: BenchAuth) {
  const { headers } = auth;
  const ids = await seed(baseUrl, 1000, headers);
  await pageFigures(
    browser,
    `${baseUrl}/gallery`,
    runs,
    "Gallery, first page of 24, with 1,000 posters in the table",
    auth,
  );
  await revisitFigures(
    browser,
    `${baseUrl}/gallery`,
    "Gallery revisit, first page of 24 (same browser)",
    auth.storageState,
  );

  const board = (await (
    await fetch(`${baseUrl}/api/boards`, { method: "POST", headers, body: JSON.stringify({ name: "Bench board" }) })
  ).json()) as { id: string };
  for (const id of ids.slice(0, 24)) {
    await fetch(`${baseUrl}/api/boards/${board.id}/posters`, {
      method: "POST",
      headers,
      body: JSON.stringify({ posterId: id }),
    });
  }
  const share = (await (
    await fetch(`${baseUrl}/api/shares`, { method: "POST", headers, body: JSON.stringify({ boardId: board.id }) })
  ).json()) as { url: string };
  await pageFigures(browser, share.url, runs, "Shared board of 24 posters (/s/{token})");
}
