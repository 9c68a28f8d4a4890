import "server-only";
import { copyObject } from "../aws/s3";
import { deleteQuietly, fileKey } from "../posters/files";
import { snapshotKeys } from "../storage";
import type { PosterRecord } from "../store/posters";
import type { ShareSnapshot, SnapshotPoster } from "../store/shares";
import { optionLabel } from "./schema";

// A board shared "as sent": its name, order and labels, and copies of each poster's image (the composed version if
// it has a design) and thumbnail under shares/{token}/, so a later design save, reorder or delete can't change what
// the reviewers were sent. Copies are made inside S3 (keys: lib/storage.ts); the item keeps their keys, never URLs.

/** A review round of more than this many options isn't a decision anyone can make; it also bounds the copies. */
export const MAX_REVIEW_POSTERS = 50;

/** Copies the posters' current images for the link; on any failure the copies made are removed and it throws. */
export async function takeSnapshot(
  token: string,
  title: string,
  records: PosterRecord[],
  showPrompt: boolean,
): Promise<ShareSnapshot> {
  const posters: SnapshotPoster[] = records.map((record, index) => ({
    id: record.id,
    label: optionLabel(index),
    width: record.width,
    height: record.height,
    ...snapshotKeys(token, record.id),
    // The plain art never changes while the poster exists: referenced, not copied.
    artKey: record.imageKey,
    designed: Boolean(record.composedKey),
    ...(showPrompt ? { prompt: record.prompt, model: record.model, seed: record.seed } : {}),
  }));
  try {
    await Promise.all(
      records.flatMap((record, index) => {
        const to = posters[index];
        if (!to) return [];
        return [
          copyObject(fileKey(record, "image"), to.imageKey),
          copyObject(fileKey(record, "thumbnail"), to.thumbKey),
        ];
      }),
    );
  } catch (error) {
    await dropSnapshot({ title, posters });
    throw error;
  }
  return { title, posters };
}

export async function dropSnapshot(snapshot: ShareSnapshot | undefined): Promise<void> {
  if (snapshot) await deleteQuietly(snapshot.posters.flatMap((p) => [p.imageKey, p.thumbKey]));
}
