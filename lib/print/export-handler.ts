import "server-only";
import { runExportJobs } from "./export-jobs";

// The scheduled export worker on AWS (sst.config.ts: a Cron with this handler, linked to the bucket and the table).
export async function handler() {
  const done = await runExportJobs();
  console.log(JSON.stringify({ msg: "exports made", done }));
  return { done };
}
