import { randomBytes } from "node:crypto";
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../lib/aws/clients";
import { getConfig } from "../lib/aws/config";
import { listPosters, newPosterItem, type PosterRecord } from "../lib/store/posters";
import { timePage } from "./browser";
import type { BenchAuth } from "./session";
import { ms, percentile } from "./stats";

// Issue 10's figures: the gallery's server time with 10,000 posters in the table, unfiltered and with a search
// (a common word, and a rare one that a handful of posters hold, where the listing's read budget bounds a page).

const COMMON = "harbor"; // in one prompt of eight
const RARE = "zeppelin"; // in one poster of a thousand

/** Copies of the posters already in the table (their images are shared: the listing signs thumbnails, never reads
 * them), written 25 at a time straight to the table as the store writes them, a second apart, older than those. */
async function seedCopies(count: number) {
  const { posters: sources } = await listPosters({ limit: 8 });
  if (!sources.length) throw new Error("seed the gallery section first: no posters to copy");
  const table = getConfig().table;
  const start = Date.parse(sources.at(-1)?.createdAt ?? new Date().toISOString()) - (count + 1) * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) {
        const batch = Array.from({ length: Math.min(25, count - next) }, () => next++).map((i) => {
          const source = sources[i % sources.length] as PosterRecord;
          const record: PosterRecord = {
            ...source,
            id: randomBytes(12).toString("base64url"),
            createdAt: new Date(start + i * 1000).toISOString(),
            prompt: `${source.prompt}${i % 1000 === 7 ? `, a ${RARE} overhead` : ""}, take ${i}`,
            versionCount: undefined,
          };
          return { PutRequest: { Item: newPosterItem(record).Item } };
        });
        let pending: typeof batch | undefined = batch;
        for (let attempt = 0; pending?.length && attempt < 8; attempt++) {
          const result = await awsClients().dynamo.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
          pending = result.UnprocessedItems?.[table] as typeof batch | undefined;
        }
      }
    }),
  );
}

async function serverTimes(url: string, runs: number, cookie: string) {
  for (let i = 0; i < 3; i++) await timePage(url, cookie);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timePage(url, cookie));
  return `p50 ${ms(percentile(times, 50))}   p95 ${ms(percentile(times, 95))}`;
}

/** Every page of an API search, following the cursor: how long finding all of a rare word's posters takes. */
async function wholeSearch(baseUrl: string, query: string, headers: Record<string, string>) {
  const started = performance.now();
  let cursor = "";
  let pages = 0;
  let found = 0;
  do {
    const response = await fetch(`${baseUrl}/api/posters?limit=24&q=${query}${cursor ? `&cursor=${cursor}` : ""}`, {
      headers,
    });
    const page = (await response.json()) as { posters: unknown[]; nextCursor: string | null };
    pages++;
    found += page.posters.length;
    cursor = page.nextCursor ?? "";
  } while (cursor);
  return { ms: performance.now() - started, pages, found };
}

/** `seeded`: posters already in the table (the gallery section's 1,000); this tops it up to 10,000. */
export async function gallerySearchBench(baseUrl: string, runs: number, auth: BenchAuth, seeded: number) {
  const started = performance.now();
  await seedCopies(10_000 - seeded);
  console.log(
    `\nGallery with 10,000 posters in the table (seeded in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  const gallery = `${baseUrl}/gallery`;
  console.log(`  unfiltered, first page of 24      ${await serverTimes(gallery, runs, auth.cookie)}`);
  console.log(
    `  search "${COMMON}" (1 in 8)         ${await serverTimes(`${gallery}?q=${COMMON}`, runs, auth.cookie)}`,
  );
  console.log(
    `  search "${RARE}" (1 in 1,000)    ${await serverTimes(`${gallery}?q=${RARE}`, runs, auth.cookie)} (one page: at most 10 reads of 200, then a cursor)`,
  );
  const whole = await wholeSearch(baseUrl, RARE, auth.headers);
  console.log(
    `  search "${RARE}", every page      ${ms(whole.ms)} for ${whole.found} posters over ${whole.pages} pages (API, following the cursor)`,
  );
}
