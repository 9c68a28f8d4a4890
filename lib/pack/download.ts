import "server-only";
import { getObjectBytes } from "../aws/s3";
import { AppError } from "../errors";
import { fileKey } from "../poster-files";
import { effectivePpi, findPlacement, type Placement } from "../print/placements";
import { RANDOM_ID } from "../store/items";
import { getPosters, type PosterRecord } from "../store/posters";
import { loadKeyArt, MAX_PACK_FORMATS } from "./plan";
import { type ZipFile, zipStream } from "./zip";

// The pack as one ZIP: each poster's image (composed, when it has a design) and a manifest.json listing each file,
// its size in px, its placement and the effective ppi at the placement's print size. Streamed: one poster's bytes
// are held at a time. Any member may download (anyone on the team sees every poster).

export interface ManifestFile {
  file: string;
  posterId: string;
  widthPx: number;
  heightPx: number;
  bytes: number;
  method: string;
  designed: boolean;
  placement: Pick<Placement, "id" | "label" | "ratio" | "printIn" | "targetPx">;
  /** At the placement's print size; null for a screen placement. */
  effectivePpi: number | null;
}

const MAX_IDS = MAX_PACK_FORMATS * 4;

/** The pack's posters, checked to be versions of the key art made for a placement, in the order asked. */
async function packPosters(keyArtId: string, ids: readonly string[]) {
  if (ids.length === 0 || ids.length > MAX_IDS) {
    throw new AppError("invalid_input", {
      message: `Name 1 to ${MAX_IDS} of the pack's posters in ids (comma-separated).`,
      fields: { ids: "Name the pack's posters." },
    });
  }
  const bad = ids.filter((id) => !RANDOM_ID.test(id));
  const found = bad.length ? [] : await getPosters(ids);
  const stray = ids.filter((id) => {
    const record = found.find((r) => r.id === id);
    return !record || record.parentId !== keyArtId || !findPlacement(String(record.inputs?.placement ?? ""));
  });
  if (stray.length > 0) {
    const message = `Not posters of this pack: ${stray.join(", ")}.`;
    throw new AppError("invalid_input", { message, fields: { ids: message } });
  }
  return found;
}

export async function packZip(keyArtId: string, ids: readonly string[]) {
  const keyArt = await loadKeyArt(keyArtId);
  const posters = await packPosters(keyArt.id, [...new Set(ids)]);
  const used = new Set<string>();
  const nameFor = (record: PosterRecord, placement: Placement) => {
    const plain = `${placement.id}-${record.width}x${record.height}.png`;
    const name = used.has(plain) ? `${placement.id}-${record.id}.png` : plain;
    used.add(name);
    return name;
  };
  async function* files(): AsyncGenerator<ZipFile> {
    const manifest: ManifestFile[] = [];
    for (const record of posters) {
      const placement = findPlacement(String(record.inputs?.placement)) as Placement;
      const bytes = await getObjectBytes(fileKey(record, "image"));
      const name = nameFor(record, placement);
      manifest.push({
        file: name,
        posterId: record.id,
        widthPx: record.width,
        heightPx: record.height,
        bytes: bytes.byteLength,
        method: record.operation ?? "generate",
        designed: Boolean(record.composedKey),
        placement: {
          id: placement.id,
          label: placement.label,
          ratio: placement.ratio,
          ...(placement.printIn ? { printIn: placement.printIn } : {}),
          ...(placement.targetPx ? { targetPx: placement.targetPx } : {}),
        },
        effectivePpi: effectivePpi(record, placement) ?? null,
      });
      yield { name, bytes };
    }
    const json = { keyArt: { id: keyArt.id, title: keyArt.design?.title ?? null }, files: manifest };
    yield { name: "manifest.json", bytes: Buffer.from(`${JSON.stringify(json, null, 2)}\n`), compress: true };
  }
  const title = (keyArt.design?.title ?? "pack").replace(/[^\w-]+/g, "-").slice(0, 40) || "pack";
  return { stream: zipStream(files()), filename: `onesheet-${title}-${keyArt.id}.zip` };
}
