import "server-only";
import type { PosterView } from "../api-types";
import { getObjectBytes } from "../aws/s3";
import { assertBrandAllows } from "../campaigns/locks";
import type { CanvasView } from "../design/canvas-view";
import { composeCanvas, composePoster } from "../design/render";
import type { Design } from "../design/schema";
import { AppError } from "../errors";
import { type Actor, mayChange } from "../permissions";
import { boundedImage } from "../response-image";
import { composedKeys, logoKey } from "../storage";
import { loadPoster, type PosterRecord, setDesign } from "../store/posters";
import { composedFiles, deleteQuietly, storeImagePair } from "./files";
import { logoBytes } from "./logo";
import { toPosterView } from "./view";

// Typography over a poster's art: preview at screen size, save at full size beside the untouched art, remove.

// The art of the posters being designed right now, so dragging a slider doesn't fetch it from S3 each time.
const artCache = new Map<string, Buffer>();
const ART_CACHE_SIZE = 8;

/** Saving or removing a design changes what the maker's share links show: the maker or an admin only. */
async function loadToChange(id: string, member: Actor): Promise<PosterRecord> {
  const record = await loadPoster(id);
  if (!mayChange(member, record.createdBy)) throw new AppError("forbidden");
  return record;
}

async function art(record: PosterRecord): Promise<Buffer> {
  const cached = artCache.get(record.imageKey);
  if (cached) return cached;
  const bytes = await getObjectBytes(record.imageKey);
  artCache.set(record.imageKey, bytes);
  const oldest = artCache.keys().next();
  if (artCache.size > ART_CACHE_SIZE && !oldest.done) artCache.delete(oldest.value);
  return bytes;
}

const logoOf = async (id: string, design: Design) => (design.logo ? await logoBytes(id, design.logo) : undefined);

export async function previewDesign(id: string, design: Design, width: number) {
  const composed = await composePoster(await art(await loadPoster(id)), design, {
    width,
    logo: await logoOf(id, design),
  });
  return { png: composed.png, warnings: composed.layout.warnings, placement: composed.layout.placement };
}

/** The preview in layers, for the editor's canvas: pictures as data URLs, each kept under the answer's image limit
 * (the composed and ground pictures of a very detailed art become WebP, as the preview route's do). */
export async function canvasPreview(id: string, design: Design, width: number): Promise<CanvasView> {
  const canvas = await composeCanvas(await art(await loadPoster(id)), design, {
    width,
    logo: await logoOf(id, design),
  });
  const url = async (png: Buffer) => {
    const image = await boundedImage(png);
    return `data:${image.contentType};base64,${image.bytes.toString("base64")}`;
  };
  return {
    width: canvas.width,
    height: canvas.height,
    composed: await url(canvas.composed),
    ground: await url(canvas.ground),
    layers: await Promise.all(
      canvas.layers.map(async ({ box, color, png }) => ({
        layer: box.layer,
        x: box.x,
        y: box.y,
        width: box.width,
        height: box.height,
        inkWidth: box.inkWidth,
        fontSize: box.fontSize,
        color,
        logo: box.logo === true,
        png: await url(png),
      })),
    ),
    warnings: canvas.layout.warnings,
    ...(canvas.layout.placement ? { placement: canvas.layout.placement } : {}),
  };
}

export async function saveDesign(
  id: string,
  design: Design,
  member: Actor,
): Promise<{ poster: PosterView; warnings: string[] }> {
  const record = await loadToChange(id, member);
  await assertBrandAllows(record, design);
  const composed = await composePoster(await art(record), design, { logo: await logoOf(id, design) });
  // New keys per save; the previous version's objects go once the item no longer names them.
  const stored = composedKeys(id);
  await storeImagePair({ png: stored.composedKey, webp: stored.composedThumbKey }, composed.png, {
    commit: () => setDesign(id, design, stored),
  });
  const oldLogo = record.design?.logo;
  await deleteQuietly([
    ...composedFiles(record),
    ...(oldLogo && oldLogo !== design.logo ? [logoKey(id, oldLogo)] : []),
  ]);
  return { poster: await toPosterView({ ...record, design, ...stored }), warnings: composed.layout.warnings };
}

export async function removeDesign(id: string, member: Actor): Promise<void> {
  const record = await loadToChange(id, member);
  await setDesign(id, null);
  const logo = record.design?.logo;
  await deleteQuietly([...composedFiles(record), ...(logo ? [logoKey(id, logo)] : [])]);
}
