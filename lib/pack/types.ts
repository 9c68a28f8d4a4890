import type { PosterView } from "../api-types";
import type { Placement } from "../print/placements";

// What the pack API answers, shared by the routes and the browser.

/** GET /api/posters/{id}/pack: one placement for this key art. */
export type PackFormatView = Placement & {
  method: "crop" | "reframe" | "unavailable";
  /** Share of the art a crop cuts away, in percent. */
  lossPercent?: number;
  /** Why the shape is out of reach of this art. */
  reason?: string;
  /** USD. */
  price: number;
};

export interface PackPlanView {
  art: { width: number; height: number; designed: boolean };
  /** How many reframes one pack may make (they must finish within one request). */
  maxReframes: number;
  formats: PackFormatView[];
}

export interface PackFailure {
  format: string;
  code: string;
  message: string;
}

/** POST /api/posters/{id}/pack → 201. */
export interface PackResult {
  posters: PosterView[];
  failed: PackFailure[];
  /** USD charged for the formats made. */
  charged: number;
  /** The pack as a ZIP (an app URL, streamed by the app). */
  zipUrl: string;
  board?: { id: string; added: boolean; message?: string };
}
