import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

// Runs the production build (`npm run build` first) with the given environment, and waits until it answers.
export async function startNext(
  env: Record<string, string>,
  port: number,
): Promise<{ url: string; pid: number; stop(): void }> {
  const child: ChildProcess = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], {
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, pid: child.pid ?? 0, stop: () => child.kill("SIGTERM") };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGTERM");
  throw new Error("next start did not answer within 20 s: did you run `npm run build`?");
}
