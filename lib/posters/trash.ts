import "server-only";
import type { TrashPage } from "../api-types";
import { AppError } from "../errors";
import { isId } from "../ids";
import { type Actor, mayChange } from "../permissions";
import { getCampaign } from "../store/campaigns";
import { getPoster, type PosterRecord } from "../store/posters";
import { getTrashed, listTrash, posterOf, restoreTrashed, type TrashedPosterRecord, trashPoster } from "../store/trash";
import { listVersions, markVersionsOrphaned } from "../store/versions";
import { purgeAt } from "../trash-rules";
import { purgePoster } from "./purge";
import { toPosterSummary } from "./view";

// Deleting a poster moves it to the trash for TRASH_DAYS (lib/trash-rules.ts), restorable by its maker or an
// admin until the sweeper purges it. Route handlers and pages call these.

type Who = Actor & { name?: string };

const logVersions = (id: string, step: string) => (error: unknown) =>
  console.error(JSON.stringify({ msg: `versions not ${step}`, id, error: String(error) }));

/** DELETE /api/posters/{id}: the maker or an admin moves it to the trash. */
export async function removePoster(id: string, member: Who): Promise<void> {
  const trashed = isId(id) ? await trashPoster(id, member) : undefined;
  if (trashed === "forbidden") throw new AppError("forbidden");
  if (!trashed) throw new AppError("not_found");
  // Its versions stand as originals while it is away. A failure here leaves them folded under a poster not in the
  // gallery until the next delete or restore: logged, the trash move itself has been made.
  await markVersionsOrphaned(id, true).catch(logVersions(id, "unfolded"));
}

/**
 * POST /api/posters/{id}/restore: back from the trash, where it was in the gallery, on its boards and in its
 * campaign. A poster that isn't in the trash (restored already: an Undo pressed twice) is answered as it is, so a
 * retried restore succeeds; one that was purged, is being purged, or never existed is a 404.
 */
export async function restorePoster(id: string, member: Who): Promise<void> {
  if (!isId(id)) throw new AppError("not_found");
  const trashed = await getTrashed(id);
  if (!trashed) {
    if (await getPoster(id)) return;
    throw new AppError("not_found");
  }
  if (!mayChange(member, trashed.createdBy)) throw new AppError("forbidden");
  if (trashed.purging) throw new AppError("not_found");
  const links = await listVersions(id);
  // Re-linked to its parent if that is still there (parentGone is recomputed by the write), and counting the
  // versions it still has links to (one trashed meanwhile took its link with it).
  const { parentGone: _gone, versionCount: _count, campaign, ...rest } = posterOf(trashed);
  const poster = {
    ...rest,
    ...(links.length ? { versionCount: links.length } : {}),
    ...((await stillCampaigns(trashed.id, campaign)) ? { campaign } : {}),
  };
  if (!(await restoreTrashed(trashed, poster))) {
    if (await getPoster(id)) return;
    throw new AppError("not_found");
  }
  await markVersionsOrphaned(id, false).catch(logVersions(id, "folded again"));
}

/** Whether the poster's campaign mark still holds. Key art whose campaign was deleted, or that was taken off the
 * campaign's key art, while it was in the trash (those writes skip a poster that isn't there) comes back unmarked, free
 * to join another campaign; a deliverable keeps its mark, as it does when its campaign goes. */
async function stillCampaigns(id: string, campaign: PosterRecord["campaign"]): Promise<boolean> {
  if (!campaign) return false;
  if (campaign.role !== "key-art") return true;
  return Boolean((await getCampaign(campaign.id))?.keyArtIds.includes(id));
}

/** GET /api/trash: the member's own trashed posters (an admin sees everyone's), newest first. */
export async function listTrashViews(options: { limit: number; cursor?: string; member: Actor }): Promise<TrashPage> {
  const page = await listTrash({
    limit: options.limit,
    cursor: options.cursor,
    maker: options.member.isAdmin ? undefined : options.member.sub,
  });
  return {
    posters: await Promise.all(page.posters.map((p) => toTrashedView(p, options.member.sub))),
    nextCursor: page.nextCursor,
  };
}

async function toTrashedView(record: TrashedPosterRecord, viewer: string) {
  return {
    ...(await toPosterSummary(posterOf(record), viewer)),
    trashedAt: record.trashedAt,
    ...(record.trashedByName ? { trashedByName: record.trashedByName } : {}),
    purgeAt: purgeAt(record.trashedAt),
  };
}

/** DELETE /api/trash/{id}: "Delete now", for good, without waiting for the sweeper. */
export async function purgeNow(id: string, member: Actor): Promise<void> {
  const outcome = isId(id) ? await purgePoster(id, { owner: member.isAdmin ? undefined : member.sub }) : undefined;
  if (outcome === "refused") throw new AppError("forbidden");
  if (!outcome) throw new AppError("not_found");
}

/** Whether a poster's missing parent is in the trash (its lineage says so, rather than "deleted"). */
export async function parentInTrash(parentId: string | undefined): Promise<boolean> {
  return parentId && isId(parentId) ? Boolean(await getTrashed(parentId)) : false;
}
