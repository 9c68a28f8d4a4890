import { applyExpiryRules } from "../lib/storage-expiry";
import { sweep } from "../lib/sweeper";

// The sweeper as a command, for the offline launcher (and by hand): `tsx --conditions=react-server local/sweep.ts`
// with the app's environment. On AWS a scheduled function runs the same sweep (lib/sweeper-handler.ts), and the
// bucket's lifecycle rules (sst.config.ts) expire uploads nobody used, jobs' files and reports; s3rver has no
// lifecycle rules, so here the same rules are applied by hand.
const result = await sweep();
const expired = await applyExpiryRules();
console.log(
  `[onesheet] sweeper: removed ${result.orphans.length} orphaned objects, refunded ${result.refunded} reservations, ` +
    `sent ${result.jobs.resent.length} lost jobs again, gave up ${result.jobs.gaveUp.length}, ` +
    `purged ${result.purged.length} posters from the trash, ` +
    `expired ${expired.length} objects (uploads, job files, reports)`,
);
