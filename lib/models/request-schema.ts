import * as z from "zod/mini";
import { nonEmpty } from "../tuples";
import { ASPECT_RATIO_IDS, DEFAULT_ASPECT_RATIO } from "./aspect-ratios";
import { DEFAULT_MODEL_ID, GENERATION_MODELS, getModel } from "./catalogue";
import type { ModelSpec, ParamSpec, PosterRequest } from "./types";

// The request schema, derived from the catalogue. The studio's form (zodResolver) and POST /api/posters validate
// with these same schemas, so a user sees the same words in both places. zod/mini keeps the browser's bundle small.
// Only models new posters can be made with are accepted; POST /api/posters answers a retired one with model_retired
// before it gets here.

export const MAX_VARIATIONS = 4;

function paramField(param: ParamSpec) {
  if (param.kind === "slider") {
    return z.optional(
      z
        .number({ error: `${param.label} must be a number.` })
        .check(
          z.gte(param.min, `${param.label} must be at least ${param.min}.`),
          z.lte(param.max, `${param.label} must be at most ${param.max}.`),
        ),
    );
  }
  const values = nonEmpty(
    param.options.map((o) => o.value),
    param.name,
  );
  // The studio's "none" option submits an empty string: it means "don't send the field".
  return z.pipe(
    z.transform((v: unknown) => (v === "" ? undefined : v)),
    z.optional(z.enum(values, { error: `${param.label} must be one of: ${values.join(", ")}.` })),
  );
}

const count = (n: number) => n.toLocaleString("en-US");

function fieldsFor(model: ModelSpec) {
  const ratios = nonEmpty(
    ASPECT_RATIO_IDS.filter((r) => model.sizes[r]),
    `${model.id} aspect ratios`,
  );
  const params: Record<string, z.ZodMiniType> = Object.fromEntries(model.params.map((p) => [p.name, paramField(p)]));
  const empty = "Describe the poster: the prompt can't be empty.";
  return {
    model: z.literal(model.id),
    prompt: z
      .string({ error: empty })
      .check(
        z.trim(),
        z.minLength(1, empty),
        z.maxLength(model.maxPromptLength, `Keep the prompt under ${count(model.maxPromptLength)} characters.`),
      ),
    negativePrompt: z.pipe(
      z.optional(
        z
          .string({ error: "The negative prompt must be text." })
          .check(
            z.trim(),
            z.maxLength(
              model.maxPromptLength,
              `Keep the negative prompt under ${count(model.maxPromptLength)} characters.`,
            ),
          ),
      ),
      z.transform((v) => v || undefined),
    ),
    aspectRatio: z._default(
      z.enum(ratios, { error: `Pick one of the aspect ratios: ${ratios.join(", ")}.` }),
      DEFAULT_ASPECT_RATIO,
    ),
    seed: z.optional(
      z
        .int({ error: "The seed must be a whole number." })
        .check(
          z.gte(0, "The seed can't be negative."),
          z.lte(model.maxSeed, `The seed must be at most ${model.maxSeed}.`),
        ),
    ),
    ...params,
  };
}

const unknownModel = `Pick one of the models: ${GENERATION_MODELS.map((m) => m.id).join(", ")}.`;

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

// The wire has a model's own parameters beside the common fields (as the studio's form holds them); the pipeline
// reads them apart, typed as what a parameter can be.
function toPosterRequest(parsed: z.output<ReturnType<typeof requestMember>>): PosterRequest {
  const { model, prompt, negativePrompt, aspectRatio, seed } = parsed;
  const names = new Set(getModel(model).params.map((p) => p.name));
  const params: Record<string, number | string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (names.has(name) && (typeof value === "number" || typeof value === "string")) params[name] = value;
  }
  return { model, prompt, ...(negativePrompt ? { negativePrompt } : {}), aspectRatio, seed, params };
}

/** POST /api/posters: strict, so a misspelt or foreign field is an error rather than silently ignored. */
export const posterRequestSchema = z.pipe(
  z.pipe(
    z.transform(withDefaultModel),
    z.discriminatedUnion("model", nonEmpty(GENERATION_MODELS.map(requestMember), "generation models"), {
      error: unknownModel,
    }),
  ),
  z.transform(toPosterRequest),
);

/** The studio's form: the same fields and messages, plus how many variations to make. Values of
 * controls that belong to another model are stripped, not rejected, since the form keeps them when switching. */
const formMember = (m: ModelSpec) =>
  z.object({
    ...fieldsFor(m),
    variations: z.int().check(z.gte(1), z.lte(MAX_VARIATIONS, `Make at most ${MAX_VARIATIONS} variations at once.`)),
  });

export const posterFormSchema = z.discriminatedUnion(
  "model",
  nonEmpty(GENERATION_MODELS.map(formMember), "generation models"),
  { error: unknownModel },
);

/** One message per field, keyed by field name: the `fields` of an invalid_input error and the form's errors. */
export function fieldErrors(error: { issues: readonly z.core.$ZodIssue[] }): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [String(issue.path[0] ?? "body")];
    for (const key of keys) fields[key] ??= issue.message;
  }
  return fields;
}

export type PosterFormInput = z.input<typeof posterFormSchema>;
export type PosterFormValues = z.output<typeof posterFormSchema>;
