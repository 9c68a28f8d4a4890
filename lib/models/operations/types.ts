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

/** One Bedrock model as an entry of the catalogue calls it: a generation model, or an image service. */
export interface InvokedService {
  /** The id InvokeModel is called with: the US inference profile for the image services. */
  invokeId: string;
  /** Its name as AWS lists it ("Stable Fast Upscale"): how posters made with it are labelled. */
  label: string;
  /** The foundation model behind it (for IAM). */
  foundationModelId: string;
  /** Where the app calls it from; absent: the app's own Bedrock Region (config), where it generates. */
  region?: string;
  /** Where a cross-Region profile may run it (its foundation model must be allowed there); empty in-Region. */
  routesTo: readonly string[];
  docs: string;
  /** Whole US cents per image, on-demand (lib/money.ts: money is counted in cents). */
  priceCents: number;
  typicalSeconds: number;
  /** The largest seed its body takes. */
  maxSeed: number;
  /** What Bedrock accepts: the emulator answers anything else with a ValidationException. */
  bodySchema: z.ZodMiniType;
}

/** An image service: a model that takes a source image, within these limits. */
export interface ServiceSpec extends InvokedService {
  region: string;
  limits: ImageLimits;
}

/** The size a model call should answer with (checked with a tolerance: lib/image-limits.ts matchesExpectedSize).
 *  `shapeOnly`: AWS documents no size, this one is ASSUMED (the emulator makes it), so only the shape is checked. */
export interface ExpectedSize {
  width: number;
  height: number;
  shapeOnly?: boolean;
}

/** One model call, ready to run: what the pipeline (lib/posters/pipeline.ts) invokes, checks and charges for,
 *  whichever catalogue entry planned it. */
export interface Invocation {
  service: InvokedService;
  /** A seed the request asked for (else the pipeline picks one within the service's range). */
  seed?: number;
  buildBody(seed: number): Record<string, unknown>;
  /** Decodes the answer or throws a typed AppError. */
  parseResponse(json: unknown, requestedSeed: number): ModelImage;
  expected: ExpectedSize;
}

/** How the studio and the Develop panel file an entry: the heading it sits under, and where people pick it
 *  ("studio": the studio's prompt box; "develop": the Develop panel; "pack": made only by a format pack). */
export const UI_GROUPS = [
  "Generate",
  "Variations",
  "Reframe",
  "Fix & edit",
  "Upscale",
  "New art from this",
  "Format pack",
] as const;
export type UiGroup = (typeof UI_GROUPS)[number];
export type Visibility = "studio" | "develop" | "pack";

/** What every entry of the catalogue says about itself, whatever runs it. */
export interface EntryFacts {
  id: string;
  label: string;
  /** What a poster it made is marked with ("Upscaled"); none for generated posters. */
  made?: string;
  /** How the gallery's filter names what it made (its label, unless said). */
  filterLabel?: string;
  blurb: string;
  group: UiGroup;
  visibility: Visibility;
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
  /** The size the service documents for this source (see ExpectedSize). */
  expectedSize(source: { width: number; height: number }): ExpectedSize;
}

/** A control shown only while another control has one of these values (the fast upscaler takes no prompt). */
export interface ShownWhen {
  field: string;
  oneOf: readonly string[];
}

export interface OperationSpec<Fields extends Record<string, z.ZodMiniType>> extends EntryFacts {
  /** What a poster it made is marked with ("Upscaled"); reframe adds the new ratio (see lib/posters/version-mark.ts). */
  made: string;
  inputs: readonly InputSpec[];
  /** Controls shown only while another has certain values, by control name. */
  shownWhen?: Readonly<Record<string, ShownWhen>>;
  /** Its prompt describes the whole picture, so the Develop panel starts it as the source's prompt. */
  promptFromSource?: boolean;
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
