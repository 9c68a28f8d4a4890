import type { PosterFormValues } from "@/lib/models/generation";

// The form validates with the API's own schema (lib/models/request-schema.ts), so a person reads the same words in
// the browser as from POST /api/posters. That schema brings zod and the whole model catalogue with it, which were
// most of the studio's script: it loads when the form is first used (the studio calls `preloadValidation` when the
// form takes focus), so it never holds up the first paint; a validation that comes before it has arrived waits.

const load = () => import("@/lib/models/request-schema");

let loading: ReturnType<typeof load> | undefined;

export function preloadValidation(): ReturnType<typeof load> {
  loading ??= load().catch((error: unknown) => {
    // A failed download (offline for a moment) is tried again at the next validation.
    loading = undefined;
    throw error;
  });
  return loading;
}

export type Validation = { ok: true; values: PosterFormValues } | { ok: false; errors: Record<string, string> };

/** The form's values checked by the schema: the parsed values (trimmed, defaults filled), or a message per field. */
export async function validatePosterForm(values: Record<string, unknown>): Promise<Validation> {
  const { posterFormSchema, fieldErrors } = await preloadValidation();
  const result = posterFormSchema.safeParse(values);
  return result.success ? { ok: true, values: result.data } : { ok: false, errors: fieldErrors(result.error) };
}
