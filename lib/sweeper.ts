import "server-only";
import { getConfig } from "./aws/config";
import { deleteObjects, listObjectPages } from "./aws/s3";
import { type JobSweep, sweepJobs } from "./jobs/sweep";
import { purgeTrash } from "./posters/purge";
import { POSTERS_PREFIX, posterIdOfKey, SHARES_PREFIX, shareTokenOfKey } from "./storage";
import { refundItems, reservationsBefore } from "./store/ledger";
import { getPosters } from "./store/posters";
import { getShare } from "./store/shares";
import { transact } from "./store/transactions";
import { getTrashed } from "./store/trash";

// What a generation that died mid-way (kill -9, a Lambda cut off) leaves behind, put right. Nothing younger than
// the generation timeout is touched: a live generation can't be older than that.
//  - S3 objects of a poster that has no item: written before the item, which never came. Removed.
//  - Copies of a board shared "as sent" (shares/{token}/…) whose link has expired or is gone: revoking removes them at
//    once, but expiry is only DynamoDB's TTL on the item, which never touches S3. Removed.
//  - Reservations never settled: the price is still on the day's totals with no entry for it. Refunded, so the
//    totals equal the ledger again. (A generation that does finish after that charges itself again: see spending.)
// In-flight slots need nothing: their lease ends with the timeout.
//  - Jobs the queue can't finish on its own (a message lost, a worker dead on its last attempt): lib/jobs/sweep.ts.
//  - Posters in the trash for more than TRASH_DAYS (and any purge cut off half-way): purged, lib/posters/purge.ts.
//    A trashed poster's files are its own until then: the orphan check counts it as existing.
// Run by the offline launcher at start and every few minutes, and on AWS by a scheduled function.

export interface SweepResult {
  /** Object keys removed. */
  orphans: string[];
  /** Reservations refunded. */
  refunded: number;
  jobs: JobSweep;
  /** Posters purged from the trash. */
  purged: string[];
}

export async function sweep(now = Date.now()): Promise<SweepResult> {
  const cutoff = new Date(now - getConfig().generationTimeoutMs);
  // The purge first: the files it removes are then not listed again as orphans.
  const purged = await purgeTrash(now);
  const [posterFiles, shareCopies, refunded, jobs] = await Promise.all([
    removeOrphans(cutoff, POSTERS_PREFIX, posterIdOfKey, async (ids) => {
      const live = new Set((await getPosters(ids)).map((poster) => poster.id));
      const trashed = await Promise.all(ids.filter((id) => !live.has(id)).map(getTrashed));
      return [...live, ...trashed.flatMap((t) => (t ? [t.id] : []))];
    }),
    // A link being made copies its images before its item is written: the cutoff leaves those alone.
    removeOrphans(cutoff, SHARES_PREFIX, shareTokenOfKey, async (tokens) => {
      const shares = await Promise.all(tokens.map(getShare));
      return shares.flatMap((share) => (share && Date.parse(share.expiresAt) > now ? [share.token] : []));
    }),
    refundStale(cutoff),
    sweepJobs(now),
  ]);
  return { orphans: [...posterFiles, ...shareCopies], refunded, jobs, purged };
}

/** shares/{token}/{posterId}.png → token */

/** Removes the objects under `prefix`, older than `cutoff`, whose owner (a poster, a link) no longer exists. */
async function removeOrphans(
  cutoff: Date,
  prefix: string,
  ownerOf: (key: string) => string,
  existing: (owners: string[]) => Promise<string[]>,
): Promise<string[]> {
  const removed: string[] = [];
  for await (const page of listObjectPages(prefix)) {
    const keys = page.filter((o) => o.lastModified < cutoff).map((o) => o.key);
    const kept = new Set(await existing([...new Set(keys.map(ownerOf))]));
    const orphans = keys.filter((key) => !kept.has(ownerOf(key)));
    await deleteObjects(orphans);
    removed.push(...orphans);
  }
  return removed;
}

async function refundStale(cutoff: Date): Promise<number> {
  let refunded = 0;
  for (const reservation of await reservationsBefore(cutoff)) {
    // Refused means the generation settled it in the meantime: nothing left to do.
    if ((await transact(`refunding ${reservation.id}`, refundItems(reservation))).ok) refunded++;
  }
  return refunded;
}
