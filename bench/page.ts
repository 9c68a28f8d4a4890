import os from "node:os";
import type { Browser, BrowserContextOptions } from "@playwright/test";
import { coldVisit, type Visit } from "./browser";
import { type Peer, startPeer } from "./peer";
import { kib, ms, percentile } from "./stats";

// Issue 19's figures: the studio's weight and its Largest Contentful Paint on a cold first visit, beside a peer's
// (BENCH_PEER_DIR, see bench/peer.ts) in paired runs: A then B, then B then A, in one browser, so that whatever else
// the shared machine is doing at a moment weighs on both. The studio is measured as a member who has made posters
// sees it (its feed's first page full), which is the case its LCP is about.

const FEED_PAGE = 12;
const PEER_PORT = Number(process.env.BENCH_PEER_PORT ?? 3300);

interface Site {
  label: string;
  url: string;
  storageState?: BrowserContextOptions["storageState"];
  visits: Visit[];
}

/** Makes posters through the API until the bench member's feed has a full first page. */
async function fillFeed(baseUrl: string, headers: Record<string, string>) {
  const query = new URLSearchParams({ mine: "true", limit: String(FEED_PAGE) });
  const page = (await (await fetch(`${baseUrl}/api/posters?${query}`, { headers })).json()) as { posters: unknown[] };
  for (let i = page.posters.length; i < FEED_PAGE; i++) {
    const response = await fetch(`${baseUrl}/api/posters`, {
      method: "POST",
      headers,
      body: JSON.stringify({ prompt: `a lone detective on a rainy harbor at midnight, take ${i + 1}`, seed: 500 + i }),
    });
    if (response.status !== 201) throw new Error(`POST /api/posters answered ${response.status}`);
  }
}

const p50 = (visits: Visit[], of: (v: Visit) => number) => percentile(visits.map(of), 50);
const range = (values: number[]) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;

/** p50 of a timing of the LCP's image, over the visits whose LCP was an image; "—" when none was. */
function imageTiming(visits: Visit[], of: (timing: NonNullable<Visit["lcpImage"]>) => number): string {
  const timings = visits.flatMap((v) => (v.lcpImage ? [of(v.lcpImage)] : []));
  return timings.length ? ms(percentile(timings, 50)) : "—";
}

function printFiles(site: Site) {
  const first = site.visits[0];
  if (!first) return;
  console.log(`\n  ${site.label}: files of the first measured visit`);
  for (const f of [...first.files].sort((a, b) => b.bytes - a.bytes))
    console.log(`    ${kib(f.bytes).padStart(10)}  ${f.type.padEnd(10)} ${f.url.replace(/^https?:\/\/[^/]+/, "")}`);
}

export async function pageBench(
  browser: Browser,
  studio: { url: string; storageState: BrowserContextOptions["storageState"]; headers: Record<string, string> },
  runs: number,
) {
  await fillFeed(studio.url, studio.headers);
  const peerDir = process.env.BENCH_PEER_DIR;
  let peer: Peer | undefined;
  if (peerDir) peer = await startPeer(peerDir, PEER_PORT);
  const sites: Site[] = [
    { label: "studio", url: studio.url, storageState: studio.storageState, visits: [] },
    ...(peer ? [{ label: `peer (${peer.name})`, url: peer.url, visits: [] }] : []),
  ];
  const loadBefore = os.loadavg();
  try {
    // One unmeasured visit each: a server's first render of a page warms caches no visitor's does.
    for (const site of sites) await coldVisit(browser, site.url, site.storageState);
    for (let i = 0; i < runs; i++) {
      const order = i % 2 ? [...sites].reverse() : sites;
      for (const site of order) site.visits.push(await coldVisit(browser, site.url, site.storageState));
    }
  } finally {
    peer?.stop();
  }
  const loadAfter = os.loadavg();

  const column = (s: string) => s.padEnd(34);
  const row = (label: string, of: (site: Site) => string) =>
    console.log(`  ${label.padEnd(22)}${sites.map((site) => column(of(site))).join("")}`);
  console.log(
    `\nStudio page${peer ? " and the peer's home page" : ""}, cold first visit, Chromium 1280×800, ` +
      `${runs} ${peer ? "paired runs (order alternating)" : "runs"}, p50; bytes on the wire (compressed, headers ` +
      `included); the studio's member has ${FEED_PAGE}+ posters`,
  );
  row("", (s) => s.label);
  row(
    "First Load JS",
    (s) => `${kib(p50(s.visits, (v) => v.bytes("script")))} in ${s.visits[0]?.count("script")} files`,
  );
  row("cold bytes", (s) => `${kib(p50(s.visits, (v) => v.bytes()))} in ${s.visits[0]?.count()} requests`);
  row("  images", (s) => kib(p50(s.visits, (v) => v.bytes("image"))));
  row("  fonts", (s) => kib(p50(s.visits, (v) => v.bytes("font"))));
  row("  CSS", (s) => kib(p50(s.visits, (v) => v.bytes("stylesheet"))));
  row("  HTML", (s) => kib(p50(s.visits, (v) => v.bytes("document"))));
  row("LCP p50", (s) => `${ms(p50(s.visits, (v) => v.lcpMs))} (${s.visits[0]?.lcpElement || "?"})`);
  row("LCP range", (s) => range(s.visits.map((v) => v.lcpMs)));
  row("  HTML first byte", (s) => ms(p50(s.visits, (v) => v.ttfbMs)));
  row("  LCP image request", (s) => imageTiming(s.visits, (t) => t.requestMs));
  row("  LCP image last byte", (s) => imageTiming(s.visits, (t) => t.responseEndMs));
  row("load event p50", (s) => ms(p50(s.visits, (v) => v.loadMs)));
  const [a, b] = sites;
  if (a && b) {
    // Each pair's difference: the machine's load at that moment cancels out of it.
    const deltas = a.visits.map((v, i) => v.lcpMs - (b.visits[i]?.lcpMs ?? Number.NaN));
    const ahead = deltas.filter((d) => d <= 0).length;
    console.log(
      `  LCP studio − peer, per pair: p50 ${ms(percentile(deltas, 50))}; studio ≤ peer in ${ahead} of ${runs} pairs`,
    );
  }
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
  console.log(`  load average before ${load(loadBefore)}, after ${load(loadAfter)} (${os.cpus().length} CPUs)`);
  if (!peer) console.log("  (no peer: BENCH_PEER_DIR=path/to/ai-sdk-image-generator puts its figures beside these)");
  if (process.env.BENCH_FILES === "1") for (const site of sites) printFiles(site);
}
