import "server-only";
import { sweep } from "./sweeper";

// The scheduled function on AWS (sst.config.ts: a Cron with this handler, linked to the bucket and the table, their
// names in ONESHEET_BUCKET / ONESHEET_TABLE). One line of JSON per run for the logs.
export async function handler() {
  const result = await sweep();
  const summary = {
    orphans: result.orphans.length,
    refunded: result.refunded,
    jobsResent: result.jobs.resent.length,
    jobsGivenUp: result.jobs.gaveUp.length,
    purged: result.purged.length,
  };
  console.log(JSON.stringify({ msg: "swept", ...summary }));
  return summary;
}
