import { readFileSync } from "node:fs";
import os from "node:os";
import { createToken } from "../lib/store/tokens";
import { percentile } from "./stats";

// Issue 8's load figure: 50 generations at once from 10 members (5 each, one more than the 4 a person may have
// running: those 10 are the designed 429s), with the emulator's model time at 2 s, against the production server.
// The emulator draws each (prompt, seed, size) once (local/art.ts), and the art used here is drawn before the clock
// starts, so its CPU is not in the figure: what is measured is the app.

const MEMBERS = 10;
const EACH = 5;
const MODEL_MS = 2000;
const SEEDS = [11, 12, 13, 14, 15];
const PROMPT = `[latency:${MODEL_MS}] a lone detective on a rainy harbor at midnight`;

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    return rss + children.reduce((sum, child) => sum + treeRss(Number(child)), 0);
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) used so far by a process and its descendants (Linux /proc). */
function treeCpu(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    const own = (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    return own + children.reduce((sum, child) => sum + treeCpu(Number(child)), 0);
  } catch {
    return 0;
  }
}

export async function loadBench(baseUrl: string, serverPid: number) {
  const headers = await Promise.all(
    Array.from({ length: MEMBERS }, async (_, i) => {
      const { token } = await createToken({ sub: `load-${i}`, email: `load-${i}@onesheet.local` }, "load bench");
      return { authorization: `Bearer ${token}`, "content-type": "application/json" };
    }),
  );
  const post = (member: number, seed: number) =>
    fetch(`${baseUrl}/api/posters`, {
      method: "POST",
      headers: headers[member],
      body: JSON.stringify({ prompt: PROMPT, seed }),
    });
  // Draw the art once (and warm the server's code paths): one generation per seed, one at a time.
  for (const [i, seed] of SEEDS.entries()) await (await post(i, seed)).arrayBuffer();

  let peak = treeRss(serverPid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRss(serverPid));
  }, 50);
  const cpuBefore = process.cpuUsage();
  const serverCpuBefore = treeCpu(serverPid);
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: MEMBERS * EACH }, async (_, i) => {
      const t = performance.now();
      const response = await post(i % MEMBERS, SEEDS[Math.floor(i / MEMBERS)] ?? 1);
      const body = (await response.json()) as { error?: { code: string } };
      return { status: response.status, code: body.error?.code, seconds: (performance.now() - t) / 1000 };
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const serverCpu = treeCpu(serverPid) - serverCpuBefore;
  clearInterval(sampler);

  const made = results.filter((r) => r.status === 201).map((r) => r.seconds);
  const designed = results.filter((r) => r.status === 429 && r.code === "too_many_in_flight").length;
  const other = results.filter((r) => r.status !== 201 && !(r.status === 429 && r.code === "too_many_in_flight"));
  const p50 = percentile(made, 50);
  const p95 = percentile(made, 95);
  const model = MODEL_MS / 1000;
  console.log(
    `\nLoad: ${MEMBERS * EACH} generations at once from ${MEMBERS} members, model time ${model} s (npm start)`,
  );
  console.log(`  ${made.length} × 201, ${designed} × 429 too_many_in_flight (by design), ${other.length} other errors`);
  if (other.length) console.log(`  other: ${other.map((r) => `${r.status} ${r.code}`).join(", ")}`);
  console.log(
    `  latency of the 201s  p50 ${p50.toFixed(2)} s   p95 ${p95.toFixed(2)} s   (${(p95 / model).toFixed(2)}× model time, target ≤ 1.3×)`,
  );
  console.log(`  server peak RSS      ${(peak / 2 ** 20).toFixed(0)} MB (target ≤ 512 MB), sampled every 50 ms`);
  console.log(
    `  CPU during the run   server ${serverCpu.toFixed(2)} s; offline stack (emulator, S3, DynamoDB: the bench`,
  );
  console.log(
    `                       process) ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s; in ${wall.toFixed(2)} s on ${os.cpus().length} CPUs`,
  );
}
