import "server-only";
import { deleteObjects, putObject, type SignedUrl, signGet } from "./aws/s3";
import type { PosterRecord } from "./store/posters";
import { makeThumbnail } from "./thumbnail";

// The S3 layout of a poster, in one place: which objects it has, how a PNG and its thumbnail are stored together
// (both or neither), how they go, and which of them a view shows.
//
//   posters/{id}/poster.png               the model's art, never changed
//   posters/{id}/thumb.webp               its thumbnail
//   posters/{id}/composed-{version}.png   the art with its typography (a design), if it has one
//   posters/{id}/composed-{version}.webp  that one's thumbnail
//   posters/{id}/logo-{random}.png        the design's title logo, if it has one (lib/design-logo.ts)
//
// A design gets new keys per save, so a URL signed for one version can never show another.

export type PosterFiles = Pick<PosterRecord, "imageKey" | "thumbKey" | "composedKey" | "composedThumbKey"> &
  Partial<Pick<PosterRecord, "design">>;

/** A full-size PNG and its WebP thumbnail, stored and removed together. */
export interface ImagePair {
  png: string;
  webp: string;
}

/** Where every poster's objects live (the sweeper lists it for leftovers). */
export const POSTERS_PREFIX = "posters/";

/** The poster an object of the layout belongs to. */
export const posterIdOfKey = (key: string): string => key.slice(POSTERS_PREFIX.length).split("/")[0] ?? "";

export function artKeys(posterId: string) {
  return { imageKey: `${POSTERS_PREFIX}${posterId}/poster.png`, thumbKey: `${POSTERS_PREFIX}${posterId}/thumb.webp` };
}

/** Keys for a newly saved design; the version only needs to differ from the poster's previous one. */
export function composedKeys(posterId: string, version = Date.now().toString(36)) {
  return {
    composedKey: `${POSTERS_PREFIX}${posterId}/composed-${version}.png`,
    composedThumbKey: `${POSTERS_PREFIX}${posterId}/composed-${version}.webp`,
  };
}

/** The design's objects, if the poster has one. */
export function composedFiles(files: PosterFiles): string[] {
  return [files.composedKey, files.composedThumbKey].filter((k): k is string => Boolean(k));
}

/** Where a design's logo (named by the design, `logo-…`) is stored. */
export const logoKey = (posterId: string, logo: string) => `${POSTERS_PREFIX}${posterId}/${logo}.png`;

/** Every object of a poster. */
export function allFiles(files: PosterFiles): string[] {
  const logo = files.design?.logo ? [logoKey(posterIdOfKey(files.imageKey), files.design.logo)] : [];
  return [files.imageKey, files.thumbKey, ...composedFiles(files), ...logo];
}

/**
 * Stores a PNG and its thumbnail (encoded while the PNG is in flight), then runs `commit`, the table write that makes
 * them part of a poster. All or nothing: if an upload or the commit fails, or the signal aborts before the commit,
 * both keys are deleted whatever we saw succeed (an aborted or failed PUT may still have landed), and the error is
 * rethrown. A failed cleanup is logged, not thrown: the caller's error is the one that matters.
 */
export async function storeImagePair<T>(
  pair: ImagePair,
  png: Buffer,
  options: { signal?: AbortSignal; commit: () => Promise<T> },
): Promise<T> {
  const { signal } = options;
  try {
    const uploads = await Promise.allSettled([
      putObject(pair.png, png, "image/png", signal),
      makeThumbnail(png).then((webp) => putObject(pair.webp, webp, "image/webp", signal)),
    ]);
    const failed = uploads.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    signal?.throwIfAborted();
    return await options.commit();
  } catch (error) {
    await deleteQuietly([pair.png, pair.webp]);
    throw error;
  }
}

/** Deletes objects a poster no longer refers to; a failure is logged (they are orphans, not lost data). */
export async function deleteQuietly(keys: readonly string[]): Promise<void> {
  await deleteObjects(keys).catch((error) => {
    console.error(JSON.stringify({ msg: "cleanup failed", keys, error: String(error) }));
  });
}

/** Deletes every object of a poster whose item is already gone (so a failure here must not report the delete failed). */
export async function deletePosterFiles(files: PosterFiles): Promise<void> {
  await deleteQuietly(allFiles(files));
}

/**
 * What a view shows: `image` is the poster as designed (the composed PNG if it has a design, else the art),
 * `thumbnail` that image's thumbnail, `art` the model's untouched PNG.
 */
export type PosterFile = "image" | "thumbnail" | "art";

export function fileKey(files: PosterFiles, file: PosterFile): string {
  if (file === "art") return files.imageKey;
  if (file === "thumbnail") return files.composedThumbKey ?? files.thumbKey;
  return files.composedKey ?? files.imageKey;
}

/** A signed GET URL for one of a poster's files (the same URL within a signing window; see lib/aws/url-window.ts). */
export function signPosterFile(
  files: PosterFiles,
  file: PosterFile,
  options: { downloadAs?: string } = {},
): Promise<SignedUrl> {
  return signGet(fileKey(files, file), options);
}
