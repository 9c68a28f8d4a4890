import { sweep } from "../lib/sweeper";

// The sweeper as a command, for the offline launcher (and by hand): `tsx --conditions=react-server local/sweep.ts`
// with the app's environment. On AWS a scheduled function runs the same sweep (lib/sweeper-handler.ts).
const result = await sweep();
console.log(
  `[onesheet] sweeper: removed ${result.orphans.length} orphaned objects, refunded ${result.refunded} reservations`,
);
