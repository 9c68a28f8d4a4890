import { treeRss } from "./load";
import { ms } from "./stats";
import { startWorkerProcess, stopWorkerProcess } from "./worker";

// Issue 11's figures: a print master for a 27×40 in US one-sheet with bleed (27.25×40.25 in), from a designed poster
// with a 4× upscale (3,328×4,864 px). The PDF is made in the request (the server's peak RSS); the CMYK TIFF by the
// job worker at 150 ppi (4,088×6,038 px) and 300 ppi (8,175×12,075 px): time and the worker's peak RSS, sampled
// every 25 ms. The exporter on AWS is a 2 GB function, so each must stay under 2,048 MB.

type Json = Record<string, unknown>;

export async function printBench(baseUrl: string, serverPid: number, headers: Record<string, string>) {
  const call = async (method: string, path: string, body?: Json) => {
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body && JSON.stringify(body) });
    const json = (await response.json()) as Json;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const poster = await call("POST", "/api/posters", { prompt: "a lighthouse in a storm", aspectRatio: "2:3", seed: 5 });
  await call("PUT", `/api/posters/${poster.id}/design`, {
    template: "classic",
    title: "Storm Light",
    tagline: "Every light has a keeper.",
    billing: "A ONESHEET PRODUCTION\nDIRECTED BY A. NONE  WRITTEN BY B. NOBODY",
    date: "IN CINEMAS DECEMBER",
  });
  const big = await call("POST", "/api/posters", { operation: "upscale", source: { posterId: poster.id } });
  console.log(`\nPrint masters: US one-sheet 27×40 in + 0.125 in bleed, from the ${big.width}×${big.height} upscale`);

  let peak = treeRss(serverPid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRss(serverPid));
  }, 25);
  const started = performance.now();
  const pdf = await call("POST", `/api/posters/${poster.id}/exports`, { format: "pdf", size: "us-one-sheet" });
  clearInterval(sampler);
  const pdfBytes = (await (await fetch(String(pdf.url))).arrayBuffer()).byteLength;
  console.log(
    `  PDF (in the request)     ${ms(performance.now() - started).padStart(8)}   server peak RSS ${mb(peak)}   ` +
      `${pdf.widthPx}×${pdf.heightPx} px art, ${pdf.effectivePpi} ppi, ${mb(pdfBytes)}`,
  );

  for (const ppi of [150, 300]) {
    const queued = await call("POST", `/api/posters/${poster.id}/exports`, {
      format: "tiff",
      size: "us-one-sheet",
      ppi,
    });
    const t0 = performance.now();
    const worker = startWorkerProcess();
    let workerPeak = 0;
    const sample = setInterval(() => {
      workerPeak = Math.max(workerPeak, treeRss(worker.pid ?? 0));
    }, 25);
    let done = await call("GET", String(queued.statusUrl));
    while (done.status === "queued" || done.status === "running") {
      await new Promise((resolve) => setTimeout(resolve, 100));
      done = await call("GET", String(queued.statusUrl));
    }
    const elapsed = performance.now() - t0;
    clearInterval(sample);
    await stopWorkerProcess(worker);
    if (done.status !== "ready") throw new Error(`TIFF ${ppi} ppi: ${JSON.stringify(done)}`);
    const head = await fetch(String(done.url), { method: "HEAD" });
    console.log(
      `  CMYK TIFF ${ppi} ppi (job)  ${ms(elapsed).padStart(8)}   worker peak RSS ${mb(workerPeak)}   ` +
        `${done.widthPx}×${done.heightPx} px, ${mb(Number(head.headers.get("content-length") ?? 0))}`,
    );
  }
  console.log("  (a 2 GB Lambda: 2048 MB; the worker's time includes starting Node, the queue and uploading to S3)");
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
