import { type MaskDrawing, rasterOn } from "./mask-ops";
import type { MaskAnswer, MaskRequest } from "./mask-worker";

// The mask the model gets, drawn once at the image's size when the operation runs, in a worker (mask-worker.ts),
// so the page keeps answering while a large mask is drawn and encoded. One worker, started on first use and kept;
// a browser without workers or OffscreenCanvas in them draws it here instead.

let worker: Worker | undefined;
let next = 0;
const waiting = new Map<number, { resolve: (blob: Blob | null) => void; reject: (error: Error) => void }>();

function maskWorker(): Worker | undefined {
  if (worker) return worker;
  if (typeof Worker === "undefined" || typeof OffscreenCanvas === "undefined") return undefined;
  worker = new Worker(new URL("./mask-worker.ts", import.meta.url), { type: "module" });
  worker.onmessage = (event: MessageEvent<MaskAnswer>) => {
    const answer = event.data;
    const pending = waiting.get(answer.id);
    waiting.delete(answer.id);
    if ("error" in answer) pending?.reject(new Error(answer.error));
    else pending?.resolve(answer.blob);
  };
  worker.onerror = (event) => {
    // A worker that can't start (a blocked script): every waiting mask is drawn here instead, and so are later ones.
    worker = undefined;
    for (const pending of waiting.values()) pending.reject(new Error(event.message || "the mask worker failed"));
    waiting.clear();
  };
  return worker;
}

async function onThisThread(drawing: MaskDrawing): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== "undefined")
    return rasterOn(new OffscreenCanvas(drawing.width, drawing.height), drawing);
  throw new Error("This browser can't draw the mask: update it and try again.");
}

/** The black/white PNG of a drawing at its image's size, or null when nothing is masked. */
export async function rasterMask(drawing: MaskDrawing): Promise<Blob | null> {
  const w = maskWorker();
  if (!w) return onThisThread(drawing);
  const id = ++next;
  try {
    return await new Promise<Blob | null>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      w.postMessage({ id, drawing } satisfies MaskRequest);
    });
  } catch {
    return onThisThread(drawing);
  }
}
