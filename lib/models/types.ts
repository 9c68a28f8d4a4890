import type * as z from "zod/mini";
import type { AspectRatio, SizeTable } from "./aspect-ratios";

// A model parameter beyond the common ones (prompt, negative prompt, aspect ratio, seed). The studio renders a control
// from it, the request schema validates it, and the model's body builder maps it to the Bedrock field.
export type ParamSpec =
  | {
      kind: "slider";
      name: string;
      label: string;
      help: string;
      min: number;
      max: number;
      step: number;
      default: number;
    }
  | {
      kind: "select";
      name: string;
      label: string;
      help: string;
      options: readonly { value: string; label: string }[];
      /** The option meaning "don't send this field". */
      noneLabel: string;
    };

/** The values of a model's own parameters (ParamSpec names → a slider's number or a select's value). */
export type ModelParams = Readonly<Record<string, number | string>>;

/** A validated generation request (what posterRequestSchema gives the route): the common fields, and the model's own
 *  parameters apart (the wire format has them beside the common fields; see request-schema.ts). */
export interface PosterRequest {
  prompt: string;
  negativePrompt?: string;
  model: string;
  aspectRatio: AspectRatio;
  seed?: number;
  params: ModelParams;
}

/** A successful model response, decoded from the model's own JSON shape. */
export interface ModelImage {
  imageBase64: string;
  seed: number;
}

export interface ModelSpec<Id extends string = string> {
  id: Id;
  label: string;
  blurb: string;
  /** AWS's user guide page for the request/response contract. */
  docs: string;
  /** Whole US cents per image, on-demand (lib/money.ts: money is counted in cents). */
  priceCents: number;
  /** Typical seconds for one image, shown against the elapsed-time counter. */
  typicalSeconds: number;
  maxPromptLength: number;
  maxSeed: number;
  /** End of life on Bedrock: kept as data so posters made with it still render, but never generated with. */
  retired: boolean;
  /** Output size for each supported aspect ratio; the keys are the ratios the model supports. */
  sizes: Partial<SizeTable>;
  params: readonly ParamSpec[];
  /** What Bedrock accepts for this model: the emulator rejects anything else with a ValidationException. */
  bodySchema: z.ZodMiniType;
  buildBody(request: PosterRequest & { seed: number }): Record<string, unknown>;
  /** Decodes the model's response or throws a typed AppError (filtered, inference error, malformed).
   * `requestedSeed` stands in when a success body leaves out `seeds`: the image was made and paid for. */
  parseResponse(json: unknown, requestedSeed: number): ModelImage;
}
