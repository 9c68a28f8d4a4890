// A derived poster's mark in the gallery: its operation's word from the catalogue ("Upscaled"), with the new ratio
// for a reframe ("Reframed 16:9"). Pure, so the browser can use it with the marks the page hands it.

export function versionMark(
  poster: { operation: string; aspectRatio: string },
  marks: Record<string, string>,
): string | undefined {
  if (poster.operation === "generate") return undefined;
  const mark = marks[poster.operation] ?? poster.operation;
  return poster.operation === "reframe" ? `${mark} ${poster.aspectRatio}` : mark;
}
