import "server-only";
import { getObjectStream } from "../aws/s3";
import { fileKey } from "../posters/files";
import { effectivePpi, findPlacement, type Placement } from "../print/placements";
import { jobArchiveKey } from "../storage";
import type { PosterRecord } from "../store/posters";
import { writeZipToS3 } from "../zip-file";

// A pack as one ZIP, built by its job into S3 and handed out as a signed URL: a real pack is far more than the
// 6 MB a Lambda function's answer may carry. Each poster's image (composed, when it has a design) is copied from S3
// into the archive as it streams (PNGs are stored, not compressed again), then manifest.json: per file its size in
// px, the placement, how it was made and delivered, and the effective ppi at the placement's print size.

export interface ManifestFile {
  file: string;
  posterId: string;
  widthPx: number;
  heightPx: number;
  method: string;
  designed: boolean;
  placement: Pick<Placement, "id" | "label" | "ratio" | "printIn" | "targetPx">;
  /** A screen placement's file is exactly its delivery pixels (true), enlarged first by this upscaler if named. */
  deliveredAtTargetPx: boolean | null;
  upscaled?: string;
  /** At the placement's print size; null for a screen placement. */
  effectivePpi: number | null;
}

// Named for the film, as people file it: the design's title, else the prompt's first words (the S3 key is the job's,
// so two packs of one poster never share a file).
const titleOf = (keyArt: PosterRecord) =>
  (keyArt.design?.title || keyArt.prompt.split(/\s+/).slice(0, 6).join(" "))
    .replace(/[^\w-]+/g, "-")
    .slice(0, 40)
    .replace(/^-+|-+$/g, "")
    .toLowerCase() || "poster";

export const archiveName = (keyArt: PosterRecord) => `${titleOf(keyArt)}-format-pack.zip`;

/** Writes the pack's ZIP under the job's key and returns where it is (the same key on every attempt). */
export async function buildPackArchive(jobId: string, keyArt: PosterRecord, posters: readonly PosterRecord[]) {
  const name = archiveName(keyArt);
  const key = jobArchiveKey(jobId, name.replace(/\.zip$/, ""));
  const manifest: ManifestFile[] = [];
  const bytes = await writeZipToS3(key, async (zip) => {
    const used = new Set<string>();
    for (const record of posters) {
      const placement = findPlacement(String(record.inputs?.placement ?? ""));
      if (!placement) continue;
      const plain = `${placement.id}-${record.width}x${record.height}.png`;
      const member = used.has(plain) ? `${placement.id}-${record.id}.png` : plain;
      used.add(member);
      await zip.addStream(member, await getObjectStream(fileKey(record, "image")));
      const target = placement.targetPx;
      manifest.push({
        file: member,
        posterId: record.id,
        widthPx: record.width,
        heightPx: record.height,
        method: record.operation ?? "generate",
        designed: Boolean(record.composedKey),
        placement: {
          id: placement.id,
          label: placement.label,
          ratio: placement.ratio,
          ...(placement.printIn ? { printIn: placement.printIn } : {}),
          ...(target ? { targetPx: target } : {}),
        },
        deliveredAtTargetPx: target ? record.width === target.width && record.height === target.height : null,
        ...(typeof record.inputs?.upscale === "string" ? { upscaled: record.inputs.upscale } : {}),
        effectivePpi: effectivePpi(record, placement) ?? null,
      });
    }
    zip.addJson("manifest.json", { keyArt: { id: keyArt.id, title: keyArt.design?.title ?? null }, files: manifest });
  });
  return { key, name, bytes, files: manifest.length };
}
