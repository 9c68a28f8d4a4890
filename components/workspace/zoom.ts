// Zoom and pan of the workspace's canvas, as pure arithmetic (tested without a browser). The art is laid out at
// the size that fits the canvas ("fit", zoom 1) and scaled from its centre; pan is the shift of that centre in
// screen pixels. Pan is kept so the art can't be pushed out of sight: at or below fit it stays centred.

export interface View {
  zoom: number;
  x: number;
  y: number;
}

export const FIT: View = { zoom: 1, x: 0, y: 0 };
export const MIN_ZOOM = 0.5;
export const STEP = 1.25;

/** Zoom 1 is "fit"; this is the zoom at which one image pixel is one CSS pixel. */
export function actualSize(imageWidth: number, fitWidth: number): number {
  return fitWidth > 0 ? imageWidth / fitWidth : 1;
}

export function maxZoom(actual: number): number {
  return Math.max(8, actual * 2);
}

/** Keeps the art's centre within reach: it may move by half of how much larger than the canvas the art is. */
export function clampPan(view: View, fit: { w: number; h: number }, viewport: { w: number; h: number }): View {
  const room = (size: number, box: number) => Math.max(0, (size * view.zoom - box) / 2);
  const rx = room(fit.w, viewport.w);
  const ry = room(fit.h, viewport.h);
  // `+ 0` turns a clamped -0 into 0: "centred" is one value.
  const clamp = (v: number, r: number) => Math.min(r, Math.max(-r, v)) + 0;
  return { zoom: view.zoom, x: clamp(view.x, rx), y: clamp(view.y, ry) };
}

/**
 * The view after zooming to `zoom` about a point (screen pixels from the canvas's centre), so that what is under
 * the pointer stays under it.
 */
export function zoomAbout(view: View, zoom: number, at: { x: number; y: number }, limit: number): View {
  const z = Math.min(limit, Math.max(MIN_ZOOM, zoom));
  const k = z / view.zoom;
  return { zoom: z, x: at.x - (at.x - view.x) * k, y: at.y - (at.y - view.y) * k };
}

/** The largest box of the image's shape inside the viewport. */
export function fitBox(image: { width: number; height: number }, viewport: { w: number; h: number }) {
  const scale = Math.min(viewport.w / image.width, viewport.h / image.height);
  if (!Number.isFinite(scale) || scale <= 0) return { w: 0, h: 0 };
  return { w: Math.floor(image.width * scale), h: Math.floor(image.height * scale) };
}
