import type { ImageSource } from "./api-types";

/** A srcset from an image's stored sizes (width descriptors), for the browser to pick what its screen needs. */
export const srcSetOf = (sources: readonly ImageSource[]): string =>
  sources.map((s) => `${s.url} ${s.width}w`).join(", ");
