import { runExportJobs } from "../lib/print/export-jobs";

// The export worker for the offline launcher: `tsx --conditions=react-server local/export-jobs.ts` with the app's
// environment, looking for queued print masters every few seconds (`--once`: one pass, then exit, as the bench runs
// it). On AWS a scheduled function runs the same worker (lib/print/export-handler.ts).
const EVERY_MS = 3000;
const once = process.argv.includes("--once");
for (;;) {
  try {
    const done = await runExportJobs();
    if (done) console.log(`[onesheet] export worker: made ${done} print master(s)`);
  } catch (error) {
    console.error(`[onesheet] export worker: ${String(error)}`);
    if (once) process.exitCode = 1;
  }
  if (once) break;
  await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
}
