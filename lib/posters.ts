import "server-only";
import type { PosterView } from "./api-types";
import { deleteObjects } from "./aws/s3";
import { AppError } from "./errors";
import { toPosterView } from "./poster-view";
import { deletePoster, getPoster } from "./store/posters";

// Poster operations that span the table and the bucket. Route handlers call these and nothing below them.

// Ids are 16 url-safe characters; anything else can't exist, so it is a 404 without a table read.
const ID = /^[A-Za-z0-9_-]{16}$/;

export async function findPosterView(id: string): Promise<PosterView> {
  const record = ID.test(id) ? await getPoster(id) : undefined;
  if (!record) throw new AppError("not_found");
  return toPosterView(record);
}

export async function removePoster(id: string): Promise<void> {
  // The item goes first, so the poster leaves listings at once even if removing its objects is slow.
  const record = ID.test(id) ? await deletePoster(id) : undefined;
  if (!record) throw new AppError("not_found");
  await deleteObjects([record.imageKey, record.thumbKey]);
}
