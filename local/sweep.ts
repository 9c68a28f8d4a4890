import { sweep } from "../lib/sweeper";
import { removeExpiredUploads } from "../lib/uploads";

// The sweeper as a command, for the offline launcher (and by hand): `tsx --conditions=react-server local/sweep.ts`
// with the app's environment. On AWS a scheduled function runs the same sweep (lib/sweeper-handler.ts), and the
// bucket's lifecycle rule (sst.config.ts) expires uploads nobody used; s3rver has no lifecycle rules, so here the
// launcher removes them itself.
const result = await sweep();
const uploads = await removeExpiredUploads();
console.log(
  `[onesheet] sweeper: removed ${result.orphans.length} orphaned objects, refunded ${result.refunded} reservations, ` +
    `removed ${uploads.length} expired uploads`,
);
