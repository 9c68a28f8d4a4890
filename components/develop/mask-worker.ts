/// <reference lib="webworker" />
import { type MaskDrawing, rasterOn } from "./mask-ops";

// Draws a mask at the image's own size and encodes its PNG away from the page's main thread: for a 9.4 MP source
// that is a 38 MB canvas, a pass over every pixel and a PNG encode — long enough to freeze the page if done there.

export type MaskRequest = { id: number; drawing: MaskDrawing };
export type MaskAnswer = { id: number; blob: Blob | null } | { id: number; error: string };

self.onmessage = async (event: MessageEvent<MaskRequest>) => {
  const { id, drawing } = event.data;
  try {
    const blob = await rasterOn(new OffscreenCanvas(drawing.width, drawing.height), drawing);
    self.postMessage({ id, blob } satisfies MaskAnswer);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies MaskAnswer);
  }
};
