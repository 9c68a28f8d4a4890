import { z } from "zod";
import { ASPECT_RATIO_IDS, DEFAULT_ASPECT_RATIO } from "./aspect-ratios";
import { DEFAULT_MODEL_ID, MODELS } from "./catalogue";
import type { ModelSpec, ParamSpec } from "./types";

// The request schema, derived from the catalogue. The studio's form (zodResolver) and POST /api/posters validate
// with these same schemas, so a user sees the same words in both places.

export const MAX_VARIATIONS = 4;

function paramField(param: ParamSpec) {
  if (param.kind === "slider") {
    return z
      .number({ error: `${param.label} must be a number.` })
      .min(param.min, `${param.label} must be at least ${param.min}.`)
      .max(param.max, `${param.label} must be at most ${param.max}.`)
      .optional();
  }
  const values = param.options.map((o) => o.value) as [string, ...string[]];
  // The studio's "none" option submits an empty string: it means "don't send the field".
  return z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(values, { error: `${param.label} must be one of: ${values.join(", ")}.` }).optional(),
  );
}

function fieldsFor(model: ModelSpec) {
  const ratios = ASPECT_RATIO_IDS.filter((r) => model.sizes[r]) as [string, ...string[]];
  const params: Record<string, z.ZodType> = Object.fromEntries(model.params.map((p) => [p.name, paramField(p)]));
  return {
    model: z.literal(model.id),
    prompt: z
      .string({ error: "Describe the poster: the prompt can't be empty." })
      .trim()
      .min(1, "Describe the poster: the prompt can't be empty.")
      .max(model.maxPromptLength, `Keep the prompt under ${model.maxPromptLength.toLocaleString("en-US")} characters.`),
    negativePrompt: z
      .string({ error: "The negative prompt must be text." })
      .trim()
      .max(
        model.maxPromptLength,
        `Keep the negative prompt under ${model.maxPromptLength.toLocaleString("en-US")} characters.`,
      )
      .optional()
      .transform((v) => v || undefined),
    aspectRatio: z
      .enum(ratios, { error: `Pick one of the aspect ratios: ${ratios.join(", ")}.` })
      .default(DEFAULT_ASPECT_RATIO),
    seed: z
      .number({ error: "The seed must be a whole number." })
      .int("The seed must be a whole number.")
      .min(0, "The seed can't be negative.")
      .max(model.maxSeed, `The seed must be at most ${model.maxSeed}.`)
      .optional(),
    ...params,
  };
}

const unknownModel = `Pick one of the models: ${MODELS.map((m) => m.id).join(", ")}.`;

// Scripts may omit `model`: the default model fills in before the union picks the model's own schema.
function withDefaultModel(input: unknown) {
  if (typeof input === "object" && input !== null && !Array.isArray(input) && !("model" in input)) {
    return { ...input, model: DEFAULT_MODEL_ID };
  }
  return input;
}

const requestMember = (m: ModelSpec) =>
  z.strictObject(fieldsFor(m), {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `${m.label} has no setting called ${issue.keys.join(", ")}.` : undefined,
  });
type RequestMember = ReturnType<typeof requestMember>;

/** POST /api/posters: strict, so a misspelt or foreign field is an error rather than silently ignored. */
export const posterRequestSchema = z.preprocess(
  withDefaultModel,
  z.discriminatedUnion("model", MODELS.map(requestMember) as unknown as [RequestMember, ...RequestMember[]], {
    error: unknownModel,
  }),
);

/** The studio's form: the same fields and messages, plus how many variations to make. Values of
 * controls that belong to another model are stripped, not rejected, since the form keeps them when switching. */
const formMember = (m: ModelSpec) =>
  z.object({
    ...fieldsFor(m),
    variations: z.number().int().min(1).max(MAX_VARIATIONS, `Make at most ${MAX_VARIATIONS} variations at once.`),
  });
type FormMember = ReturnType<typeof formMember>;

export const posterFormSchema = z.discriminatedUnion(
  "model",
  MODELS.map(formMember) as unknown as [FormMember, ...FormMember[]],
  { error: unknownModel },
);

/** One message per field, keyed by field name: the `fields` of an invalid_input error and the form's errors. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [String(issue.path[0] ?? "body")];
    for (const key of keys) fields[key] ??= issue.message;
  }
  return fields;
}

export type PosterFormInput = z.input<typeof posterFormSchema>;
export type PosterFormValues = z.output<typeof posterFormSchema>;
