import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// The peer the studio is weighed against (issue 19): vercel-labs/ai-sdk-image-generator's home page, built and
// started from a checkout whose path is BENCH_PEER_DIR (README: "Benchmark" says how to get one). Its home page
// renders without any provider's key; the keys below are placeholders so nothing in it reads an empty variable, and
// the page never calls a provider (that happens only on Generate, which the bench doesn't press).

const PLACEHOLDER_KEYS = {
  FIREWORKS_API_KEY: "bench-placeholder",
  OPENAI_API_KEY: "bench-placeholder",
  REPLICATE_API_TOKEN: "bench-placeholder",
  GOOGLE_CLIENT_EMAIL: "bench@example.invalid",
  GOOGLE_PRIVATE_KEY: "bench-placeholder",
  GOOGLE_VERTEX_LOCATION: "us-central1",
  GOOGLE_VERTEX_PROJECT: "bench-placeholder",
};

export interface Peer {
  name: string;
  url: string;
  stop(): void;
}

function packageName(root: string): string {
  const { name } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { name?: string };
  return name ?? path.basename(root);
}

/** Installs (npm ci) and builds the peer if that hasn't been done (BENCH_PEER_BUILD=1 rebuilds), then starts it. */
export async function startPeer(dir: string, port: number): Promise<Peer> {
  const root = path.resolve(dir);
  const env = { ...process.env, ...PLACEHOLDER_KEYS, NEXT_TELEMETRY_DISABLED: "1" };
  const next = path.join(root, "node_modules/.bin/next");
  if (!existsSync(next)) {
    console.log(`\nInstalling the peer in ${root} (npm ci)…`);
    execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  }
  if (process.env.BENCH_PEER_BUILD === "1" || !existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.log(`\nBuilding the peer in ${root} (next build)…`);
    execFileSync(next, ["build"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  }
  const child: ChildProcess = spawn(next, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return { name: packageName(root), url, stop: () => child.kill("SIGTERM") };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGTERM");
  throw new Error(`the peer in ${root} did not answer on ${url} within 30 s`);
}
