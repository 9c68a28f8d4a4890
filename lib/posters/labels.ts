import { isModelId, MODEL_IDS, modelLabel } from "../models/catalogue";
import { CATALOGUE, findEntry, OPERATIONS } from "../models/operations/catalogue";
import { nonEmpty } from "../tuples";

// How posters are labelled and filtered by what made them, from the catalogue's entries. A derived poster's `model`
// is the id the app invoked (a model for Vary, an image service's inference profile otherwise): both are in the
// catalogue.

const SERVICES = OPERATIONS.flatMap((o) => o.services);

/** Every id a poster's `model` may hold: the models, then the image services (for filters). */
export const POSTER_MODEL_IDS = nonEmpty(
  [...new Set([...MODEL_IDS, ...SERVICES.map((s) => s.invokeId)])],
  "poster models",
);

/** "Stable Fast Upscale" for an image service, the model's label for a model; unknown ids show as they are. */
export function posterModelLabel(id: string): string {
  return SERVICES.find((s) => s.invokeId === id && !isModelId(id))?.label ?? modelLabel(id);
}

/** A charge in the spending ledger: an image service with the operation it ran ("Stable Outpaint (Reframe)", what a
 * format pack's reframes are); a model by its label (generating or varying). */
export function chargeLabel(id: string): string {
  const operation = isModelId(id) ? undefined : OPERATIONS.find((o) => o.services.some((s) => s.invokeId === id));
  return operation ? `${posterModelLabel(id)} (${operation.label})` : posterModelLabel(id);
}

/** Labels of every id above, for client code that shouldn't import the catalogue. */
export const POSTER_MODEL_LABELS: Record<string, string> = Object.fromEntries(
  POSTER_MODEL_IDS.map((id) => [id, posterModelLabel(id)]),
);

/** What a derived poster is marked with, per operation ("Upscaled"); generated posters carry no mark. */
export const VERSION_MARKS: Record<string, string> = Object.fromEntries(
  CATALOGUE.flatMap((e) => ("made" in e ? [[e.id, e.made]] : [])),
);

/** The filter's choices: how a poster was made. */
export const OPERATION_FILTERS: { id: string; label: string }[] = CATALOGUE.map((e) => ({
  id: e.id,
  label: ("filterLabel" in e && e.filterLabel) || e.label,
}));

/** "Upscale" for a poster's `operation` ("generate" when it has none); ids no longer in the catalogue as they are. */
export function operationLabel(id: string): string {
  return findEntry(id)?.label ?? id;
}
