import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { localAuthEnv, startOidcProvider } from "../local/oidc-provider";
import { LOCAL_BUCKET, startLocalStack } from "../local/stack";
import { launch } from "./browser";
import { lambdaBundleSize } from "./bundle";
import { campaignBench } from "./campaign";
import { designBench } from "./design";
import { designDragBench } from "./design-drag";
import { galleryBench } from "./gallery";
import { gallerySearchBench } from "./gallery-search";
import { jobsBench } from "./jobs";
import { loadBench } from "./load";
import { maskBench } from "./mask";
import { operationsBench } from "./operations";
import { pageBench } from "./page";
import { printBench } from "./print";
import { reviewBench } from "./review";
import { startNext } from "./server";
import { benchAuth, tokenAuth } from "./session";
import { kib, ms, percentile } from "./stats";

// `npm run bench` (after `npm run build`): figures for the README, measured on this machine.
//  1. Overhead of POST /api/posters beyond the emulator's own model time, beside a bare S3 PUT of the same bytes.
//  2. The studio page's First Load JS, the bytes a cold first visit transfers and its LCP, beside a peer's
//     (BENCH_PEER_DIR) in paired runs (BENCH_PAGE_RUNS pairs).
//  3. The gallery and a shared board; 4. poster typography; 5. 50 generations at once; 6. developing a poster (upload +
//  operation overhead, peak memory at 4K); 7. a review link's cold visit on a phone; 8. print masters (PDF, CMYK TIFF
//  at 150 and 300 ppi); 9. the job queue (queued → taken, a pack end to end); 10. a campaign's matrix; 11. the mask
//  painter on a 9.4 MP source (frames while painting, the mask drawn off the main thread); 12. dragging a layer on the
//  design canvas (pointer move to repaint). BENCH_ONLY=overhead,load,… runs just
//  those sections.

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 5;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "onesheet-bench-"));
const stack = await startLocalStack({ dataDir, latencyMs: 0 });
const port = Number(process.env.BENCH_PORT ?? 3200);
const oidc = await startOidcProvider({ appUrls: [`http://localhost:${port}`] });
// The mask section measures the painter on the develop components' test page, which is on only with this flag.
const devKit = !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(",").includes("mask");
const env = {
  ...stack.env,
  ...localAuthEnv(oidc.issuer, `http://localhost:${port}`),
  ...(devKit ? { ONESHEET_DEV_KIT: "1" } : {}),
};
// The seeding below writes through the app's own store code, in this process.
Object.assign(process.env, env);
const next = await startNext(env, port);
// BENCH_ONLY=overhead,load runs just those sections (no browser needed for them).
const only = process.env.BENCH_ONLY?.split(",");
const runs = (section: string) => !only || only.includes(section);
const browser = only?.every((s) => ["overhead", "load", "operations", "print", "jobs", "campaign"].includes(s))
  ? undefined
  : await launch();
const auth = browser ? await benchAuth(browser, next.url) : await tokenAuth();

try {
  if (runs("overhead")) await overheadBench();
  // 2. The studio's weight and LCP, cold, beside the peer's when BENCH_PEER_DIR says where it is (bench/page.ts).
  if (browser && runs("page")) {
    const pageRuns = Number(process.env.BENCH_PAGE_RUNS ?? Math.min(RUNS, 15));
    await pageBench(browser, { url: next.url, storageState: auth.storageState, headers: auth.headers }, pageRuns);
    lambdaFigures();
  }
  // 3. Gallery and shared board with 1,000 posters in the table.
  if (browser && runs("gallery")) await galleryBench(next.url, browser, RUNS, auth);
  // 3b. The gallery's server time with 10,000 posters (the 1,000 above topped up), unfiltered and searched.
  if (browser && runs("gallery")) await gallerySearchBench(next.url, RUNS, auth, 1000 + 8);
  // 4. Poster typography.
  if (runs("design")) await designBench(next.url, auth.token, RUNS);
  // 5. Load.
  if (runs("load")) await loadBench(next.url, next.pid);
  // 6. Developing a poster: upload + operation overhead, and memory at 4K.
  if (runs("operations")) {
    const modelTime = () => stack.emulator.timings.at(-1) ?? 0;
    await operationsBench(next.url, next.pid, auth.headers, modelTime, RUNS);
  }
  // 7. A review link on a phone.
  if (browser && runs("review")) await reviewBench(next.url, browser, auth, RUNS);
  // 8. Print masters: the PDF in the request, the CMYK TIFF as a job at 150 and 300 ppi.
  if (runs("print")) await printBench(next.url, next.pid, auth.headers);
  // 9. The job queue.
  if (runs("jobs")) await jobsBench(next.url, auth.headers, Math.min(RUNS, 20));
  // 10. A campaign's matrix: 10 markets × 12 placements from one key art.
  if (runs("campaign")) await campaignBench(next.url, auth.headers, () => stack.emulator.timings.length);
  // 11. The mask painter on a 9.4 MP source.
  if (browser && runs("mask")) await maskBench(next.url, browser);
  // 12. Dragging a layer on the design canvas.
  if (browser && runs("design-drag")) await designDragBench(next.url, browser, auth);
} finally {
  await browser?.close();
  next.stop();
  await oidc.close();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** The Server-Timing header's phases: `auth;dur=3.1, admit;dur=8.4` → [["auth", 3.1], ["admit", 8.4]]. */
function parseServerTiming(header: string | null): [string, number][] {
  return (header ?? "").split(",").flatMap((entry) => {
    const [name, ...params] = entry.trim().split(";");
    const dur = params.find((p) => p.startsWith("dur="));
    return name && dur ? [[name, Number(dur.slice(4))]] : [];
  });
}

/** A process's user + system CPU time so far, from /proc (Linux): Next's server and its children's threads. */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime, stime, cutime, cstime are fields 14–17 of stat; here (after the name) at 11–14, in clock ticks (100/s).
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
    return ticks * 10;
  } catch {
    return Number.NaN;
  }
}

// 1. API overhead
async function overheadBench() {
  const overhead: number[] = [];
  const modelTimes: number[] = [];
  // The server's own account of each request (its Server-Timing header): phase → durations.
  const phases = new Map<string, number[]>();
  const cpuBefore = processCpuMs(next.pid);
  let png = Buffer.alloc(0);
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const started = performance.now();
    const response = await fetch(`${next.url}/api/posters`, {
      method: "POST",
      headers: auth.headers,
      body: JSON.stringify({ prompt: "a lone detective on a rainy harbor at midnight", seed: 1000 + i }),
    });
    const poster = (await response.json()) as { url: string };
    const total = performance.now() - started;
    if (response.status !== 201) throw new Error(`POST failed: ${response.status} ${JSON.stringify(poster)}`);
    const modelTime = stack.emulator.timings.at(-1) ?? 0;
    if (i >= WARMUP) {
      overhead.push(total - modelTime);
      modelTimes.push(modelTime);
      for (const [name, ms] of parseServerTiming(response.headers.get("server-timing"))) {
        phases.set(name, [...(phases.get(name) ?? []), ms]);
      }
    }
    if (i === 0) png = Buffer.from(await (await fetch(poster.url)).arrayBuffer());
  }

  const cpuPerRequest = (processCpuMs(next.pid) - cpuBefore) / (WARMUP + RUNS);

  const s3 = new S3Client({
    region: "us-west-2",
    endpoint: stack.env.ONESHEET_S3_ENDPOINT,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    requestChecksumCalculation: "WHEN_REQUIRED",
    requestHandler: new NodeHttpHandler(),
  });
  const put: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const started = performance.now();
    await s3.send(
      new PutObjectCommand({ Bucket: LOCAL_BUCKET, Key: `bench/${i}.png`, Body: png, ContentType: "image/png" }),
    );
    if (i >= WARMUP) put.push(performance.now() - started);
  }

  console.log(`\nPOST /api/posters overhead beyond model time (${RUNS} runs, ${kib(png.byteLength)} PNG, 832×1216)`);
  console.log(`  overhead   p50 ${ms(percentile(overhead, 50))}   p95 ${ms(percentile(overhead, 95))}`);
  console.log(`  bare PUT   p50 ${ms(percentile(put, 50))}   p95 ${ms(percentile(put, 95))}`);
  const ratio = percentile(overhead, 50) / percentile(put, 50);
  console.log(`  ratio p50  ${ratio.toFixed(2)}× (target ≤ 2×)`);
  console.log(
    "  where it goes (the server's Server-Timing, p50; files and thumbnail overlap, model is the emulator's):",
  );
  for (const [name, values] of phases) console.log(`    ${name.padEnd(10)} ${ms(percentile(values, 50))}`);
  console.log(`    (the emulator's own time making the image, p50: ${ms(percentile(modelTimes, 50))})`);
  console.log(`  server process CPU per request (main thread and sharp's threads): ${ms(cpuPerRequest)}`);
}

// 2b. The Lambda server function's size (cold starts), printed with the page figures.
function lambdaFigures() {
  const bundle = lambdaBundleSize();
  console.log("\nLambda server function (.open-next/server-functions/default)");
  console.log(
    bundle
      ? `  ${(bundle.bytes / 2 ** 20).toFixed(1)} MiB in ${bundle.files} files; ~${(bundle.zipped / 2 ** 20).toFixed(1)} MiB zipped`
      : "  not built: run `npm run build:lambda` first",
  );
}
