import "server-only";
import { deleteObjects, listObjectPages } from "../aws/s3";
import { POSTERS_PREFIX } from "../storage";
import { deleteCommentsOn } from "../store/comments";
import { deleteShare, listLiveShares } from "../store/shares";
import { beginPurge, deletePosterPartition, deleteTrashItem, trashToPurge } from "../store/trash";
import { deleteVersionLinksOf } from "../store/versions";
import { purgeCutoff } from "../trash-rules";

// A poster leaves the trash for good: its files, its records, its share links and the comments on it. Each step deletes what may
// already be gone, and the trash item, which the sweeper looks for, goes last: a purge killed half-way is simply
// done again by the next sweep, never left half-done.

/**
 * Purges one trashed poster: only if it was trashed before `before` (the sweeper), or, with `owner`, only that
 * person's ("Delete now"; no owner: an admin's). Undefined when it isn't in the trash, "refused" when the condition
 * doesn't hold, "purged" once it is gone.
 */
export async function purgePoster(
  id: string,
  options: { before?: string; owner?: string; now?: number } = {},
): Promise<"purged" | "refused" | undefined> {
  // First, so no restore can begin while its files go.
  const begun = await beginPurge(id, {
    now: new Date(options.now ?? Date.now()).toISOString(),
    before: options.before,
    owner: options.owner,
  });
  if (begun === undefined || begun === "refused") return begun;
  // Everything under posters/{id}/, listed rather than named: every composed version, logo and export ever written.
  for await (const page of listObjectPages(`${POSTERS_PREFIX}${id}/`)) await deleteObjects(page.map((o) => o.key));
  await deleteCommentsOn("poster", id);
  // Its share links (a poster's hold no copies: only a board's "as sent" do) would only ever answer 404 now.
  for (const share of await listLiveShares("poster", id)) await deleteShare(share.token);
  // Its versions stay (posters of their own), as originals now; then the rest of its partition (exports, reviews'
  // copies) goes.
  await deleteVersionLinksOf(id);
  await deletePosterPartition(id);
  await deleteTrashItem(id);
  return "purged";
}

/** The sweeper's part: every poster trashed more than TRASH_DAYS ago, and any purge cut off half-way. One poster's
 * failure is logged and the others go on (the next sweep tries it again). */
export async function purgeTrash(now = Date.now()): Promise<string[]> {
  const before = purgeCutoff(now);
  const purged: string[] = [];
  for (const id of await trashToPurge(before)) {
    try {
      if ((await purgePoster(id, { before, now })) === "purged") purged.push(id);
    } catch (error) {
      console.error(JSON.stringify({ msg: "purge failed", id, error: String(error) }));
    }
  }
  return purged;
}
