import type { Design } from "./design/schema";
import type { PosterStatus } from "./library-requests";
import type { AspectRatio } from "./models/aspect-ratios";
import type { CatalogueId } from "./models/operations/catalogue";

// The JSON shapes of the REST API, shared by the route handlers and the browser.

export interface PosterView {
  id: string;
  model: string;
  prompt: string;
  negativePrompt?: string;
  aspectRatio: AspectRatio;
  params: Record<string, number | string>;
  seed: number;
  width: number;
  height: number;
  price: number;
  createdAt: string;
  /** Pre-signed GET URL of the PNG: short-lived, fetch a fresh one from GET /api/posters/{id}. */
  url: string;
  urlExpiresAt: string;
  /** The same PNG, served as an attachment named after the prompt and seed. */
  downloadUrl: string;
  thumbnailUrl: string;
  favorite?: boolean;
  /** The plain key art, when the poster has a typography design (`url` then shows the composed poster). */
  artUrl?: string;
  design?: Design;
  /** Who made it (OpenID subject) and their name then. */
  createdBy: string;
  createdByName?: string;
  /** How it was made: "generate", or the operation that derived it from `parentId` (absent: from an upload). */
  operation: CatalogueId;
  parentId?: string;
  /** The operation's inputs: ids and numbers, never image bytes. */
  inputs?: Record<string, number | string>;
  /** Ids of the posters made from this one, oldest first (GET /api/posters/{id} only). */
  versions?: string[];
  /** How many posters made from this one still exist (absent: none yet); listings carry it, for "+N versions". */
  versionCount?: number;
  /** Its parent (`parentId`) has been deleted: it stands as an original in the gallery. */
  parentGone?: boolean;
  /** Its parent is in the trash (it may yet be restored; GET /api/posters/{id} only). */
  parentInTrash?: boolean;
  /** Review status ("draft" until sent for review), and who set it last (a name, self-declared for reviewers) and when. */
  status: PosterStatus;
  statusBy?: string;
  statusAt?: string;
  /** Print masters made from it, newest first (GET /api/posters/{id} only). */
  exports?: ExportView[];
}

/** A print master or the layered PSD (POST /api/posters/{id}/exports). `url` (signed, a download) once `status` is
 * "ready". */
export interface ExportView {
  exportId: string;
  format: "pdf" | "tiff" | "psd";
  /** The print size ("US one-sheet 27×40 in"), or the PSD's pixels ("1024×1536 px"). */
  sizeLabel: string;
  /** Print masters only. */
  bleedIn?: number;
  status: "queued" | "running" | "ready" | "failed";
  url?: string;
  widthPx?: number;
  heightPx?: number;
  /** Pixels per inch the art really holds at this size (never the file's nominal resolution). */
  effectivePpi?: number;
  /** The part of the art placed, in its pixels: the rest was cropped to fill trim + bleed (never stretched). */
  crop?: { left: number; top: number; width: number; height: number };
  warnings: string[];
  error?: string;
  /** Poll this while the export is queued or running. */
  statusUrl: string;
  createdAt: string;
  createdByName?: string;
}

/** The art a print master would place: the poster's own, or its largest upscale (`upscaled`, with that poster's id). */
export interface PrintArt {
  posterId: string;
  width: number;
  height: number;
  upscaled: boolean;
}

/** A poster in a listing: everything but the full-size URLs (GET /api/posters/{id} signs those). One signature
 * per poster keeps a page of 24 fast. */
export type PosterSummary = Omit<PosterView, "url" | "urlExpiresAt" | "downloadUrl">;

export interface PosterPage {
  posters: PosterSummary[];
  nextCursor: string | null;
}

/** A poster in the trash (GET /api/trash): restorable until `purgeAt`, when the sweeper removes it for good. */
export type TrashedPosterView = PosterSummary & {
  trashedAt: string;
  trashedByName?: string;
  purgeAt: string;
};

export interface TrashPage {
  posters: TrashedPosterView[];
  nextCursor: string | null;
}

export interface BoardSummary {
  id: string;
  name: string;
  posterCount: number;
  createdAt: string;
  updatedAt: string;
  /** Thumbnail of the board's first poster, pre-signed. */
  coverUrl: string | null;
  /** The OpenID subject of who made it: only they (or an admin) rename it, share it and choose its editors. */
  createdBy: string;
  /** Members who may add, remove and reorder its posters too (OpenID subjects). */
  editors: string[];
}

export interface BoardView {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** Send it back with a reorder: a reorder based on an older version is refused (409). */
  version: number;
  posters: PosterSummary[];
  /** The OpenID subject of who made it: only they (or an admin) rename it, share it and choose its editors. */
  createdBy: string;
  /** Members who may add, remove and reorder its posters too, by name. */
  editors: { sub: string; name: string }[];
}

export interface ShareView {
  token: string;
  /** The app URL to hand out: /s/{token} on this site. Never an S3 URL. */
  url: string;
  target: "poster" | "board";
  targetId: string;
  showPrompt: boolean;
  /** Reviewers may approve, ask for changes and comment. */
  review: boolean;
  /** The board as sent (order, labels, composed versions of that moment); false: live, the board as it is now. */
  snapshot: boolean;
  createdAt: string;
  expiresAt: string;
}

/** A review left on a share link, as its reviewers see it (GET /api/shares/{token}/reviews). */
export interface LinkReview {
  id: string;
  posterId: string;
  /** The poster's label on the link: A, B, C… */
  label: string;
  /** The reviewer's name as they typed it: self-declared, never verified. */
  name: string;
  verdict?: "approve" | "changes";
  comment?: string;
  /** Where on the image, each 0–1 of its width and height. */
  pin?: { x: number; y: number };
  createdAt: string;
}

/** A review as the team sees it (board, poster, inbox): which board it came back on. */
export interface ReviewView extends LinkReview {
  boardId: string;
  boardName: string;
}

export interface ReviewPage {
  reviews: ReviewView[];
  nextCursor: string | null;
}

/** One stored size of an image, pre-signed, for a srcset: `width` is its width in pixels. */
export interface ImageSource {
  url: string;
  width: number;
}

/** A poster as a share page shows it: only what the sharer chose to show. `imageUrl` is pre-signed: the full PNG
 * for a single shared poster, the thumbnail for a board (its full size and download go through stable app URLs).
 * `sources` are the sizes stored (the thumbnail, the full image), narrowest first: the browser picks what its screen
 * needs. */
export interface SharedPoster {
  id: string;
  /** A, B, C… in the board's order (as sent, for a snapshot). */
  label: string;
  width: number;
  height: number;
  imageUrl: string;
  sources: ImageSource[];
  /** It has a typography design: `imageUrl` shows the composed poster, and the plain art is offered too. */
  designed: boolean;
  prompt?: string;
  model?: string;
  seed?: number;
}

/** GET /api/spending/today: today's (UTC) spending against the team's budget and your own, in USD. */
export interface SpendingToday {
  day: string;
  teamSpent: number;
  teamBudget: number;
  userSpent: number;
  /** null: no per-person budget, only the team's. */
  userBudget: number | null;
}
