// The nine aspect ratios Bedrock's Stability models accept, named for what a marketing team uses them for.
// Order is the order the studio's picker shows them: tall formats first, since posters are tall.

export const ASPECT_RATIO_IDS = ["2:3", "9:16", "9:21", "4:5", "1:1", "5:4", "3:2", "16:9", "21:9"] as const;
export type AspectRatio = (typeof ASPECT_RATIO_IDS)[number];

export const DEFAULT_ASPECT_RATIO: AspectRatio = "2:3";

export interface AspectRatioInfo {
  id: AspectRatio;
  name: string;
  use: string;
  w: number;
  h: number;
}

export const ASPECT_RATIOS: readonly AspectRatioInfo[] = [
  { id: "2:3", name: "One-sheet", use: "Theatrical poster", w: 2, h: 3 },
  { id: "9:16", name: "Story", use: "Phone screens, vertical video", w: 9, h: 16 },
  { id: "9:21", name: "Standee", use: "Tall banners, lobby standees", w: 9, h: 21 },
  { id: "4:5", name: "Feed portrait", use: "Social feed posts", w: 4, h: 5 },
  { id: "1:1", name: "Square", use: "Avatars, album-style tiles", w: 1, h: 1 },
  { id: "5:4", name: "Print landscape", use: "Press kits, print ads", w: 5, h: 4 },
  { id: "3:2", name: "Lobby card", use: "Landscape stills", w: 3, h: 2 },
  { id: "16:9", name: "Widescreen", use: "Trailer cards, YouTube, TV", w: 16, h: 9 },
  { id: "21:9", name: "Cinemascope", use: "Web banners, billboards", w: 21, h: 9 },
];

export type SizeTable = Readonly<Record<AspectRatio, { width: number; height: number }>>;

export function aspectRatioInfo(id: AspectRatio): AspectRatioInfo {
  const info = ASPECT_RATIOS.find((r) => r.id === id);
  if (!info) throw new Error(`unknown aspect ratio ${id}`);
  return info;
}

/** The nearest of the nine ratios to a picture's shape. */
export function nearestAspectRatio(width: number, height: number): AspectRatio {
  const target = Math.log(width / height);
  const distance = (r: AspectRatioInfo) => Math.abs(Math.log(r.w / r.h) - target);
  return ASPECT_RATIOS.reduce((best, r) => (distance(r) < distance(best) ? r : best)).id;
}

/** The margins (px per side) that extend a picture, centred, to exactly the `target` width/height ratio: Reframe's
 *  for a ratio, and a format pack's for a placement's shape. */
export function centredMargins(size: { width: number; height: number }, target: number) {
  const margins = { left: 0, right: 0, up: 0, down: 0 };
  if (size.width / size.height < target) {
    const extra = Math.round(size.height * target) - size.width;
    margins.left = Math.floor(extra / 2);
    margins.right = extra - margins.left;
  } else {
    const extra = Math.round(size.width / target) - size.height;
    margins.up = Math.floor(extra / 2);
    margins.down = extra - margins.up;
  }
  return margins;
}
