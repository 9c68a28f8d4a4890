import type * as z from "zod/mini";
import type { CheckedImage, ImageLimits } from "../../image-limits";
import type { ModelImage, ParamSpec } from "../types";

// An OPERATION makes a new poster from a source image with one of Stability's image services on Bedrock.
// Entries are data: the studio renders controls from `inputs`, the request schema validates them, the pipeline
// checks images against `limits`, builds the body, reads the answer and checks the size, the emulator imitates it.

/** A control for an image beyond the source: a mask painted over it, or a second picture (a poster or an upload). */
export interface ImageInputSpec {
  kind: "image";
  name: string;
  label: string;
  help: string;
  required: boolean;
  /** A mask must match the source's pixel size (AWS would resize it; a painted mask that doesn't fit is a mistake).
   *  A style image is any picture whose look is taken: its size is its own. */
  role: "mask" | "style";
}

export type InputSpec = ParamSpec | ImageInputSpec | { kind: "text"; name: string; label: string; help: string };

/** One Bedrock model as called by an operation. */
export interface ServiceSpec {
  /** The id InvokeModel is called with: the US inference profile for the image services. */
  invokeId: string;
  /** Its name as AWS lists it ("Stable Fast Upscale"): how posters made with it are labelled. */
  label: string;
  /** The foundation model behind it (for IAM). */
  foundationModelId: string;
  /** Where the app calls it from. */
  region: string;
  /** Where a cross-Region profile may run it (its foundation model must be allowed there); empty in-Region. */
  routesTo: readonly string[];
  docs: string;
  /** Whole US cents per image, on-demand (lib/money.ts: money is counted in cents). */
  priceCents: number;
  typicalSeconds: number;
  limits: ImageLimits;
  /** What Bedrock accepts: the emulator answers anything else with a ValidationException. */
  bodySchema: z.ZodMiniType;
}

/** Where an image of a request comes from (the source, a style image): a poster of the library, or an upload. */
export type ImageSource = { posterId: string } | { uploadId: string };

/** The checked images a body is built from. */
export interface OperationImages {
  image: CheckedImage;
  mask?: CheckedImage;
  style?: CheckedImage;
}

/** What the pipeline needs once a request is validated: all typed against the operation's own request. */
export interface OperationPlan {
  service: ServiceSpec;
  /** Saved on the poster (ids and numbers, never bytes). */
  inputs: Record<string, string | number>;
  prompt?: string;
  negativePrompt?: string;
  seed?: number;
  /** The mask to load, if any: the member's own upload, the source's size. */
  mask?: { uploadId: string };
  /** A style image to load, if any: a poster of the library or the member's own upload, checked like the source. */
  style?: ImageSource;
  buildBody(images: OperationImages, seed: number): Record<string, unknown>;
  /** The size the service documents for this source (checked with a tolerance). `shapeOnly`: AWS documents no
   *  size, this one is ASSUMED (the emulator makes it), so only the shape is checked on a real answer. */
  expectedSize(source: { width: number; height: number }): { width: number; height: number; shapeOnly?: boolean };
}

export interface OperationSpec<Fields extends Record<string, z.ZodMiniType>> {
  id: string;
  label: string;
  /** What a poster it made is marked with ("Upscaled"); reframe adds the new ratio (see lib/posters/version-mark.ts). */
  made: string;
  blurb: string;
  inputs: readonly InputSpec[];
  /** Every service the operation may call (IAM grants each). */
  services: readonly ServiceSpec[];
  /** The request's own fields beyond `operation`, `source` and `seed`. */
  fields: Fields;
  /** Cross-field rules (a prompt the chosen mode needs), as field → message. */
  refine?: (request: z.output<z.ZodMiniObject<Fields>>) => Record<string, string> | undefined;
  plan(request: z.output<z.ZodMiniObject<Fields>>): OperationPlan;
  /** Decodes the answer or throws a typed AppError. */
  parseResponse(json: unknown, requestedSeed: number): ModelImage;
}
