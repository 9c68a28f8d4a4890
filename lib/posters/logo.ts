import "server-only";
import sharp from "sharp";
import { getObjectBytes, putObject } from "../aws/s3";
import { AppError } from "../errors";
import { newId } from "../ids";
import { type Actor, mayChange } from "../permissions";
import { logoKey } from "../storage";
import { loadPoster } from "../store/posters";
import { readUpload } from "../uploads";

// A title treatment (logo) for a poster's design: the user's upload, checked and copied into the poster's own folder
// (uploads expire after a day; a design keeps its logo as long as the poster lives). The design names it by its file
// name only, so a design can never point at another poster's objects.

const MAX_SIDE = 4096;
const MIN_SIDE = 32;

const invalid = (message: string) => new AppError("image_invalid", { message });

/** Checks a title logo is a PNG with transparency of a sensible size; its size in px. */
export async function checkLogo(bytes: Buffer): Promise<{ width: number; height: number }> {
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => undefined);
  if (meta?.format !== "png") throw invalid("A title logo must be a PNG image (with a transparent background).");
  const { width = 0, height = 0 } = meta;
  if (width > MAX_SIDE || height > MAX_SIDE || width < MIN_SIDE || height < MIN_SIDE) {
    throw invalid(`The logo is ${width}×${height} px: its sides must be between ${MIN_SIDE} and ${MAX_SIDE} px.`);
  }
  // A logo without see-through pixels would cover the art with its rectangle.
  const alpha = meta.hasAlpha ? (await sharp(bytes).stats()).channels[3] : undefined;
  if (!alpha || alpha.min === 255) {
    throw invalid("The logo has no transparent background: export it as a PNG with transparency.");
  }
  return { width, height };
}

/** A new logo's name (its file name beside what it belongs to). */
export const newLogoName = () => `logo-${newId()}`;

/** Checks an upload is a PNG with transparency of a sensible size, and stores it beside the poster's art. */
export async function attachLogo(posterId: string, uploadId: string, member: Actor & { sub: string }) {
  const record = await loadPoster(posterId);
  if (!mayChange(member, record.createdBy)) throw new AppError("forbidden");
  const bytes = await readUpload(member, uploadId);
  const { width, height } = await checkLogo(bytes);
  const logo = newLogoName();
  await putObject(logoKey(posterId, logo), new Uint8Array(bytes), "image/png");
  return { logo, width, height };
}

/** The bytes of a design's logo, or a field error when it is gone. */
export async function logoBytes(posterId: string, logo: string): Promise<Buffer> {
  try {
    return await getObjectBytes(logoKey(posterId, logo));
  } catch {
    throw new AppError("invalid_input", { fields: { logo: "That logo isn't stored any more: upload it again." } });
  }
}
