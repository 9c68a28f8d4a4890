import { readFileSync } from "node:fs";
import { ms } from "./stats";
import { startWorkerProcess, stopWorkerProcess } from "./worker";

// A campaign's matrix offline: 10 Latin-script markets × 12 placements from one designed key art, the emulator
// taking 1.5 s per model call (the key art's prompt carries the emulator's [latency:1500] marker, which the Reframes
// inherit). Figures: wall time from the 202 to the last cell (target ≤ 3 minutes on this 2-CPU machine), Bedrock
// calls made (at most one per placement: 12), the worker's peak RSS (≤ 1 GB), and a re-run after one market's
// tagline changes (only that market's 12 cells made again, no model call).

type Json = Record<string, unknown>;

const PLACEMENTS = [
  "one-sheet",
  "quad",
  "grande",
  "din-a1",
  "cartel-70x100",
  "due-fogli",
  "billboard-48-sheet",
  "widescreen",
  "story",
  "feed",
  "square",
  "banner-300x250",
];

const MARKETS = [
  ["en-US", "The Last Light", "Every light is a promise", "March 12"],
  ["en-GB", "The Last Light", "Every light is a promise", "12 March"],
  ["fr-FR", "La Dernière Lumière", "Chaque lumière est une promesse", "12 mars 2027"],
  ["de-DE", "Das Letzte Licht", "Jedes Licht ist ein Versprechen", "AB 12. MÄRZ"],
  ["es-ES", "La Última Luz", "Cada luz es una promesa", "12 de marzo"],
  ["es-MX", "La Última Luz", "Cada luz es una promesa", "12 de marzo"],
  ["it-IT", "L'Ultima Luce", "Ogni luce è una promessa", "12 marzo"],
  ["pt-BR", "A Última Luz", "Cada luz é uma promessa", "12 de março"],
  ["pl-PL", "Ostatnie Światło", "Każde światło jest obietnicą", "12 marca"],
  ["nl-NL", "Het Laatste Licht", "Elk licht is een belofte", "12 maart"],
].map(([code, title, tagline, date]) => ({ code, title, tagline, date, placements: PLACEMENTS }));

/** Peak resident memory of a process so far (VmHWM, Linux), in MiB. */
function peakRssMib(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

export async function campaignBench(baseUrl: string, headers: Record<string, string>, modelCalls: () => number) {
  const call = async (method: string, path: string, body?: unknown) => {
    const init = { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
    const response = await fetch(`${baseUrl}${path}`, init);
    const json = (await response.json()) as Json;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const keyArt = await call("POST", "/api/posters", {
    prompt: "a lighthouse at dusk over a dark sea, cinematic key art [latency:1500]",
    aspectRatio: "2:3",
    seed: 21,
  });
  await call("PUT", `/api/posters/${keyArt.id}/design`, { template: "classic", title: "The Last Light", scrim: 0.5 });
  const campaign = await call("POST", "/api/campaigns", { name: "Bench campaign", title: "The Last Light" });
  const id = String(campaign.id);
  await call("PUT", `/api/campaigns/${id}/brand`, {
    titleFont: "anton",
    textFont: "oswald",
    billingFont: "league-gothic",
    credits: [
      { role: "starring", names: ["MAYA OKAFOR", "JONAS REED"] },
      { role: "directed by", names: ["ANNA KARLSSON"] },
    ],
    legalLine: "© 2027 Northlight Pictures",
    locked: ["titleFont", "credits"],
  });
  await call("PUT", `/api/campaigns/${id}/markets`, MARKETS);
  await call("POST", `/api/campaigns/${id}/key-art`, { posterId: keyArt.id });

  const worker = startWorkerProcess(2);
  try {
    const run = async () => {
      const callsBefore = modelCalls();
      const started = performance.now();
      const queued = await call("POST", `/api/campaigns/${id}/deliverables`, { keyArt: keyArt.id });
      let status = await call("GET", String(queued.statusUrl));
      while (status.status !== "done" && status.status !== "failed") {
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = await call("GET", String(queued.statusUrl));
      }
      return { queued, status, wall: performance.now() - started, calls: modelCalls() - callsBefore };
    };
    const first = await run();
    const firstRss = peakRssMib(worker.pid);
    const changed = MARKETS.map((m) => (m.code === "fr-FR" ? { ...m, tagline: "Une lumière demeure" } : m));
    await call("PUT", `/api/campaigns/${id}/markets`, changed);
    const second = await run();
    const matrix = await call("GET", `/api/campaigns/${id}/deliverables`);
    // The ZIPs: a market's (12 PNGs, 12 layered PSDs, 7 print PDFs), then the whole matrix's, which finds that
    // market's PSDs already made. Each asked for as the studio does: 202 + a job, polled, then 302 to S3.
    const zip = async (market?: string) => {
      const path = `/api/campaigns/${id}/deliverables/zip${market ? `?market=${market}` : ""}`;
      const started = performance.now();
      const asked = await fetch(`${baseUrl}${path}`, { headers, redirect: "manual" });
      if (asked.status === 202) {
        const { statusUrl } = (await asked.json()) as Json;
        let status = await call("GET", String(statusUrl));
        while (status.status !== "done" && status.status !== "failed") {
          await new Promise((resolve) => setTimeout(resolve, 250));
          status = await call("GET", String(statusUrl));
        }
        if (status.status !== "done") throw new Error(`${path}: the ZIP job ${JSON.stringify(status)}`);
      }
      const ready = await fetch(`${baseUrl}${path}`, { headers, redirect: "manual" });
      const location = ready.headers.get("location");
      if (ready.status !== 302 || !location) throw new Error(`${path}: ${ready.status}, no ZIP`);
      const bytes = (await (await fetch(location)).arrayBuffer()).byteLength;
      return { wall: performance.now() - started, mib: bytes / 2 ** 20 };
    };
    const marketZip = await zip("fr-FR");
    const allZip = await zip();
    console.log(`\nCampaign matrix (offline, emulator 1.5 s per model call, worker with 2 pollers)`);
    console.log(
      `  10 markets × 12 placements: ${first.queued.cells} cells in ${ms(first.wall)} → ${first.status.status} (target ≤ 3 min)`,
    );
    console.log(`  Bedrock calls: ${first.calls} (target ≤ 12); worker peak RSS ${firstRss.toFixed(0)} MiB (≤ 1 GB)`);
    console.log(
      `  re-run after fr-FR's tagline changed: ${second.queued.cells} cells re-made (${second.queued.upToDate} up to date) in ${ms(second.wall)}, ${second.calls} Bedrock calls`,
    );
    console.log(`  matrix now: ${JSON.stringify(matrix.totals)}`);
    console.log(
      `  fr-FR's ZIP (PNG + layered PSD per placement, print PDFs): ${ms(marketZip.wall)}, ${marketZip.mib.toFixed(0)} MiB`,
    );
    console.log(`  the whole matrix's ZIP: ${ms(allZip.wall)}, ${allZip.mib.toFixed(0)} MiB`);
    console.log(`  worker peak RSS over it all: ${peakRssMib(worker.pid).toFixed(0)} MiB`);
  } finally {
    await stopWorkerProcess(worker);
  }
}
