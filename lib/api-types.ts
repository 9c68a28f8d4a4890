// The JSON shapes of the REST API, shared by the route handlers and the browser.

export interface PosterView {
  id: string;
  model: string;
  prompt: string;
  negativePrompt?: string;
  aspectRatio: string;
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
}

export interface PosterPage {
  posters: PosterView[];
  nextCursor: string | null;
}
