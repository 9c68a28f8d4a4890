import type { Browser } from "@playwright/test";
import { coldVisit, timePage } from "./browser";
import type { BenchAuth } from "./session";
import { kib, ms, percentile } from "./stats";

// Issue 10's figure: a reviewer opening a review link on a phone for the first time (no account, nothing cached):
// bytes, JavaScript and time, for a board of four options sent as it was (a snapshot), with two reviews on it.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function post(url: string, headers: Record<string, string>, body: unknown) {
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown> & { id: string; token: string };
}

export async function reviewBench(base: string, browser: Browser, auth: BenchAuth, runs: number) {
  const posters = [];
  for (let i = 0; i < 4; i++) {
    posters.push(await post(`${base}/api/posters`, auth.headers, { prompt: `neon harbor teaser option ${i}` }));
  }
  const board = await post(`${base}/api/boards`, auth.headers, { name: "Midnight Harbor — teaser options" });
  for (const p of posters) await post(`${base}/api/boards/${board.id}/posters`, auth.headers, { posterId: p.id });
  const share = await post(`${base}/api/shares`, auth.headers, { boardId: board.id, review: true, snapshot: true });
  const reviewer = { "content-type": "application/json" };
  const reviews = `${base}/api/shares/${share.token}/reviews`;
  await post(reviews, reviewer, { posterId: posters[1]?.id, name: "Dana", verdict: "approve" });
  await post(reviews, reviewer, {
    posterId: posters[0]?.id,
    name: "Dana",
    comment: "Bigger title",
    pin: { x: 0.3, y: 0.2 },
  });
  const url = `${base}/s/${share.token}`;

  await coldVisit(browser, url, undefined, PHONE); // the server's first render of the page
  const visits = [];
  for (let i = 0; i < Math.min(runs, 10); i++) visits.push(await coldVisit(browser, url, undefined, PHONE));
  const server = [];
  for (let i = 0; i < runs; i++) server.push(await timePage(url));
  const median = visits[Math.floor(visits.length / 2)] ?? visits[0];
  if (!median) return;
  const load = visits.map((v) => v.loadMs);
  console.log(`\nReview link, cold first visit on a phone (390×844, 4 options, 2 reviews; ${visits.length} visits)`);
  console.log(`  JS             ${kib(median.bytes("script"))} in ${median.count("script")} files`);
  console.log(`  images         ${kib(median.bytes("image"))} in ${median.count("image")} (thumbnails)`);
  console.log(`  HTML           ${kib(median.bytes("document"))}`);
  console.log(`  total          ${kib(median.bytes())} in ${median.count()} requests`);
  console.log(`  load event     p50 ${ms(percentile(load, 50))}   p95 ${ms(percentile(load, 95))}`);
  console.log(`  server (HTML)  p50 ${ms(percentile(server, 50))}   p95 ${ms(percentile(server, 95))} (${runs} runs)`);
}
