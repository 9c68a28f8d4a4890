import "server-only";
import type { PosterSummary, PosterView } from "./api-types";
import { signGet } from "./aws/s3";
import type { PosterRecord } from "./store/posters";

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

/** A poster as the API returns it: keys turned into freshly signed URLs. */
export async function toPosterView(record: PosterRecord): Promise<PosterView> {
  const { imageKey, thumbKey, bytes: _bytes, ...rest } = record;
  const [image, download, thumb] = await Promise.all([
    signGet(imageKey),
    signGet(imageKey, { downloadAs: downloadName(record.prompt, record.seed) }),
    signGet(thumbKey),
  ]);
  return {
    ...rest,
    url: image.url,
    urlExpiresAt: image.expiresAt,
    downloadUrl: download.url,
    thumbnailUrl: thumb.url,
  };
}

export async function toPosterSummary(record: PosterRecord): Promise<PosterSummary> {
  const { imageKey: _image, thumbKey, bytes: _bytes, ...rest } = record;
  return { ...rest, thumbnailUrl: (await signGet(thumbKey)).url };
}
