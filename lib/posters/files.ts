import "server-only";
import { deleteObjects, putObject, type SignedUrl, signGet } from "../aws/s3";
import { timed } from "../server-timing";
import type { PosterRecord } from "../store/posters";
import { makeThumbnail } from "./thumbnail";

// A poster's objects in S3 (their keys come from lib/storage.ts): how a PNG and its thumbnail are stored together
// (both or neither), how they go, and which of them a view shows.

export type PosterFiles = Pick<PosterRecord, "imageKey" | "thumbKey" | "composedKey" | "composedThumbKey"> &
  Partial<Pick<PosterRecord, "design">>;

/** A full-size PNG and its WebP thumbnail, stored and removed together. */
export interface ImagePair {
  png: string;
  webp: string;
}

/** The design's objects, if the poster has one. */
export function composedFiles(files: PosterFiles): string[] {
  return [files.composedKey, files.composedThumbKey].filter((k): k is string => Boolean(k));
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
    const uploads = await timed("files", () =>
      Promise.allSettled([
        putObject(pair.png, png, "image/png", signal),
        timed("thumbnail", () => makeThumbnail(png)).then((webp) => putObject(pair.webp, webp, "image/webp", signal)),
      ]),
    );
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
