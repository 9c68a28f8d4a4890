import { runExportJobs } from "../lib/print/export-jobs";

// The export worker for the offline launcher: `tsx --conditions=react-server local/export-jobs.ts` with the app's
// environment, looking for queued print masters every few seconds. On AWS a scheduled function runs the same worker.
const EVERY_MS = 3000;
for (;;) {
  try {
    const done = await runExportJobs();
    if (done) console.log(`[onesheet] export worker: made ${done} print master(s)`);
  } catch (error) {
    console.error(`[onesheet] export worker: ${String(error)}`);
  }
  await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
}
