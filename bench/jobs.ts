import { ms, percentile } from "./stats";
import { startWorkerProcess, stopWorkerProcess } from "./worker";

// The job queue offline: how long a job waits between its 202 and a worker taking it (the target: within 2 s,
// as Lambda's SQS event source takes one within moments), and a format pack end to end. The worker is the launcher's
// (local/job-worker.ts) polling the local SQS emulator with long polls; the model answers at once (latency 0), so the
// pack's time is the app's own work (crops, reframes' decode/encode, lettering, the ZIP).

type Json = Record<string, unknown>;

export async function jobsBench(baseUrl: string, headers: Record<string, string>, runs: number) {
  const call = async (method: string, path: string, body?: Json) => {
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body && JSON.stringify(body) });
    const json = (await response.json()) as Json;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const keyArt = await call("POST", "/api/posters", {
    prompt: "a harbour for the queue",
    aspectRatio: "2:3",
    seed: 11,
  });
  await call("PUT", `/api/posters/${keyArt.id}/design`, { template: "classic", title: "Queue Lights" });
  const worker = startWorkerProcess(2);
  try {
    // Warm: the worker's first job loads its modules.
    await waitDone(
      call,
      String((await call("POST", `/api/posters/${keyArt.id}/pack`, { formats: ["one-sheet"] })).statusUrl),
    );
    const waits: number[] = [];
    for (let i = 0; i < runs; i++) {
      const queuedAt = performance.now();
      const { statusUrl } = await call("POST", `/api/posters/${keyArt.id}/pack`, { formats: ["one-sheet"] });
      let status = await call("GET", String(statusUrl));
      while (status.status === "queued") {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = await call("GET", String(statusUrl));
      }
      waits.push(performance.now() - queuedAt);
      await waitDone(call, String(statusUrl));
    }
    const started = performance.now();
    const formats = ["one-sheet", "story", "widescreen", "feed", "square"];
    const pack = await waitDone(
      call,
      String((await call("POST", `/api/posters/${keyArt.id}/pack`, { formats })).statusUrl),
    );
    const total = performance.now() - started;
    console.log(`\nJob queue (offline: fauxqs + the launcher's worker, ${runs} jobs)`);
    console.log(
      `  queued → taken   p50 ${ms(percentile(waits, 50))}   p95 ${ms(percentile(waits, 95))} (target ≤ 2 s)`,
    );
    console.log(
      `  pack of 5 (1 crop, 4 reframes, 2 upscales, lettered, ZIP), model time 0: ${ms(total)} → ${pack.status}`,
    );
  } finally {
    await stopWorkerProcess(worker);
  }
}

async function waitDone(call: (method: string, path: string) => Promise<Json>, statusUrl: string): Promise<Json> {
  for (;;) {
    const status = await call("GET", statusUrl);
    if (status.status === "done" || status.status === "failed") return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
