import { type ChildProcess, spawn } from "node:child_process";

// The launcher's job worker (local/job-worker.ts) as a process of its own, for the bench: one process (tsx as a
// loader), so its memory can be sampled and it can be stopped.
export function startWorkerProcess(workers = 1): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "local/job-worker.ts"], {
    env: { ...process.env, ONESHEET_JOB_WORKERS: String(workers) },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export async function stopWorkerProcess(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null) return;
  const exited = new Promise((resolve) => worker.once("exit", resolve));
  worker.kill("SIGTERM");
  await exited;
}
