import "server-only";
import type { PosterSummary, PosterView } from "../api-types";
import { isFavoriteOf } from "../store/poster-filter";
import type { PosterRecord } from "../store/posters";
import { signPosterFile } from "./files";

/** "Midnight harbor, neon rain…" + seed → "midnight-harbor-neon-rain-1234.png" */
export function downloadName(prompt: string, seed: number): string {
  const slug = prompt
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return `${slug || "poster"}-${seed}.png`;
}

/**
 * A poster as the API returns it: keys turned into signed URLs. A designed poster shows its composed version; the
 * plain art stays one click away (`artUrl`).
 */
/** The review status as the API shows it: the stored attributes' names stay inside the store. */
function reviewStatus(record: PosterRecord) {
  return {
    status: record.reviewStatus ?? "draft",
    ...(record.reviewStatusBy ? { statusBy: record.reviewStatusBy } : {}),
    ...(record.reviewStatusAt ? { statusAt: record.reviewStatusAt } : {}),
  } as const;
}

/** What a record holds that the API never shows as is. `favorite` is the viewer's own star (favourites are per
 * person); without a viewer (a poster just made) it is left out. */
function visible(record: PosterRecord, viewer?: string) {
  const {
    favorite: _legacy,
    favoritedBy: _by,
    promptSearch: _search,
    imageKey: _image,
    thumbKey: _thumb,
    composedKey: _c,
    composedThumbKey: _ct,
    bytes: _bytes,
    reviewStatus: _s,
    reviewStatusBy: _sb,
    reviewStatusAt: _sa,
    ...rest
  } = record;
  return {
    ...rest,
    ...reviewStatus(record),
    operation: record.operation ?? "generate",
    ...(viewer ? { favorite: isFavoriteOf(record, viewer) } : {}),
  };
}

export async function toPosterView(record: PosterRecord, viewer?: string): Promise<PosterView> {
  const composedKey = record.composedKey;
  const [image, download, thumb, art] = await Promise.all([
    signPosterFile(record, "image"),
    signPosterFile(record, "image", { downloadAs: downloadName(record.prompt, record.seed) }),
    signPosterFile(record, "thumbnail"),
    composedKey ? signPosterFile(record, "art") : undefined,
  ]);
  return {
    ...visible(record, viewer),
    url: image.url,
    urlExpiresAt: image.expiresAt,
    downloadUrl: download.url,
    thumbnailUrl: thumb.url,
    artUrl: art?.url ?? image.url,
  };
}

export async function toPosterSummary(record: PosterRecord, viewer?: string): Promise<PosterSummary> {
  return {
    ...visible(record, viewer),
    thumbnailUrl: (await signPosterFile(record, "thumbnail")).url,
  };
}
