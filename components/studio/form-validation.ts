import type { Resolver } from "react-hook-form";
import type { PosterFormInput, PosterFormValues } from "@/lib/models/generation";

// The form validates with the API's own schema (lib/models/request-schema.ts), which brings zod and the whole model
// catalogue with it: two thirds of the studio's script. It loads when the form is first used (the studio calls
// `preloadValidation` when the form takes focus), so it never holds up the first paint; a validation that comes
// before it has arrived waits for it.

const load = () =>
  Promise.all([import("@hookform/resolvers/zod"), import("@/lib/models/request-schema")]).then(
    ([{ zodResolver }, { posterFormSchema }]) => zodResolver(posterFormSchema),
  );

let loading: ReturnType<typeof load> | undefined;

export function preloadValidation(): ReturnType<typeof load> {
  loading ??= load().catch((error: unknown) => {
    // A failed download (offline for a moment) is tried again at the next validation.
    loading = undefined;
    throw error;
  });
  return loading;
}

export const posterFormResolver: Resolver<PosterFormInput, unknown, PosterFormValues> = async (
  values,
  context,
  options,
) => (await preloadValidation())(values, context, options);
