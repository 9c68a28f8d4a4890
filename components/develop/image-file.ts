// What an upload may be: the formats and size the uploads API accepts, checked by the file's own first bytes
// (a pasted or renamed file's type can't be trusted), with a message that says what to do instead.

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

/** The image format the bytes start with, if it is one we accept. */
export function sniffImageType(head: Uint8Array): AcceptedType | undefined {
  const at = (i: number, bytes: number[]) => bytes.every((b, j) => head[i + j] === b);
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (at(0, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return "image/webp";
  return undefined;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Undefined when the file is fine to upload, else one plain sentence saying why not. */
export async function checkImageFile(file: Blob & { name?: string }): Promise<string | undefined> {
  const name = file.name ? `“${file.name}”` : "That file";
  if (file.size === 0) return `${name} is empty. Choose a PNG, JPEG or WebP image.`;
  if (file.size > MAX_UPLOAD_BYTES) {
    return `${name} is ${megabytes(file.size)}; images can be up to 10 MB. Save it smaller (or as JPEG) and try again.`;
  }
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  if (!sniffImageType(head)) return `${name} isn't a PNG, JPEG or WebP image. Choose one of those.`;
  return undefined;
}
