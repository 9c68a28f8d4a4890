import * as z from "zod/mini";
import type { ParamSpec } from "../types";
import type { ImageInputSpec } from "./types";

// Request fields operations share, with the words the studio and the API show for them.

const count = (n: number) => n.toLocaleString("en-US");

export const MAX_PROMPT = 10_000;

export function promptField(empty: string) {
  return z
    .string({ error: empty })
    .check(
      z.trim(),
      z.minLength(1, empty),
      z.maxLength(MAX_PROMPT, `Keep the prompt under ${count(MAX_PROMPT)} characters.`),
    );
}

export const optionalPrompt = z.pipe(
  z.optional(
    z
      .string({ error: "The prompt must be text." })
      .check(z.trim(), z.maxLength(MAX_PROMPT, `Keep the prompt under ${count(MAX_PROMPT)} characters.`)),
  ),
  z.transform((v) => v || undefined),
);

export const negativePromptField = z.pipe(
  z.optional(
    z
      .string({ error: "The negative prompt must be text." })
      .check(z.trim(), z.maxLength(MAX_PROMPT, `Keep the negative prompt under ${count(MAX_PROMPT)} characters.`)),
  ),
  z.transform((v) => v || undefined),
);

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const idString = (what: string) =>
  z.string({ error: `${what} must be an id.` }).check(z.regex(ID, `${what} must be an id.`));

/** What an upload shows ("Midnight Harbor key art, the detective on the pier"): the new poster's prompt, so the
 * gallery's search finds it by the film's words rather than by an edit's instruction. */
const uploadDescription = z.pipe(
  z.optional(
    z
      .string({ error: "The description must be text." })
      .check(z.trim(), z.maxLength(MAX_PROMPT, `Keep the description under ${count(MAX_PROMPT)} characters.`)),
  ),
  z.transform((v) => v || undefined),
);

/** Where the source image comes from: a poster of the library, or the member's own upload (and what it shows). */
export const sourceField = z.union(
  [
    z.strictObject({ posterId: idString("The poster id") }),
    z.strictObject({ uploadId: idString("The upload id"), description: uploadDescription }),
  ],
  { error: "Name the source image as {posterId} or {uploadId}." },
);

/** Where a second image comes from: a poster of the library, or the member's own upload. */
const imageSourceField = (what: string) =>
  z.union(
    [z.strictObject({ posterId: idString("The poster id") }), z.strictObject({ uploadId: idString("The upload id") })],
    { error: `Name the ${what} as {posterId} or {uploadId}.` },
  );

/** A second picture whose look is taken (Style Transfer): loaded and checked like the source. */
export const styleField = imageSourceField("style image");

export const styleInput: ImageInputSpec = {
  kind: "image",
  name: "style",
  label: "Style image",
  help: "The picture whose look (palette, texture, brushwork) the poster takes on: another poster, or an upload.",
  required: true,
  role: "style",
};

export const maskInput: ImageInputSpec = {
  kind: "image",
  name: "mask",
  label: "Mask",
  help: "Paint what should change: white changes, black stays. It must be the source image's size.",
  required: false,
  role: "mask",
};

export const maskField = z.optional(
  z.strictObject({ uploadId: idString("The mask's upload id") }, { error: "Send the mask as {uploadId}." }),
);

export const growMaskParam: Extract<ParamSpec, { kind: "slider" }> = {
  kind: "slider",
  name: "growMask",
  label: "Grow mask",
  help: "Widens the mask's edges by this many pixels, so the change blends in.",
  min: 0,
  max: 20,
  step: 1,
  default: 5,
};

/** A slider's number, within the slider's range (the studio shows the same limits). */
export function sliderField(param: Extract<ParamSpec, { kind: "slider" }>) {
  return z.optional(
    z
      .number({ error: `${param.label} must be a number.` })
      .check(
        z.gte(param.min, `${param.label} must be at least ${param.min}.`),
        z.lte(param.max, `${param.label} must be at most ${param.max}.`),
      ),
  );
}

export const seedField = z.optional(
  z
    .int({ error: "The seed must be a whole number." })
    .check(z.gte(0, "The seed can't be negative."), z.lte(4_294_967_294, "The seed must be at most 4294967294.")),
);
