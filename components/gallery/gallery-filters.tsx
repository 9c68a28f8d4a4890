import {
  ASPECT_RATIOS,
  MODEL_IDS,
  MODELS,
  modelLabel,
  OPERATION_FILTERS,
  POSTER_MODEL_IDS,
  POSTER_STATUSES,
  posterModelLabel,
} from "@/lib/models";
import { STATUS_LABELS } from "@/lib/reviews/status";

// A plain GET form: filters live in the URL, so a filtered gallery can be bookmarked and works without JavaScript.
// Derived posters record the image service they invoked as their model, so those are offered too.
export function GalleryFilters(props: {
  model?: string;
  aspectRatio?: string;
  operation?: string;
  favorite: boolean;
  status?: string;
  /** Kept only when the URL chose it: otherwise filtering by an operation shows its versions (see versionsByDefault). */
  versions?: "fold" | "show";
}) {
  const select = "rounded-md border border-edge bg-panel px-2 py-1.5 text-sm";
  const services = POSTER_MODEL_IDS.filter((id) => !MODEL_IDS.includes(id));
  return (
    <form method="get" aria-label="Filter posters" className="mb-4 flex flex-wrap items-end gap-4">
      {props.versions && <input type="hidden" name="versions" value={props.versions} />}
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor="filter-operation">Made by</label>
        <select id="filter-operation" name="operation" defaultValue={props.operation ?? ""} className={select}>
          <option value="">Any operation</option>
          {OPERATION_FILTERS.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor="filter-model">Model</label>
        <select id="filter-model" name="model" defaultValue={props.model ?? ""} className={select}>
          <option value="">All models</option>
          <optgroup label="Models">
            {MODELS.map((m) => (
              <option key={m.id} value={m.id}>
                {modelLabel(m.id)}
              </option>
            ))}
          </optgroup>
          <optgroup label="Image services">
            {services.map((id) => (
              <option key={id} value={id}>
                {posterModelLabel(id)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor="filter-ratio">Aspect ratio</label>
        <select id="filter-ratio" name="aspectRatio" defaultValue={props.aspectRatio ?? ""} className={select}>
          <option value="">All ratios</option>
          {ASPECT_RATIOS.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.id})
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor="filter-status">Review status</label>
        <select id="filter-status" name="status" defaultValue={props.status ?? ""} className={select}>
          <option value="">Any status</option>
          {POSTER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <label className="flex items-center gap-2 pb-1.5 text-sm">
        <input type="checkbox" name="favorite" value="true" defaultChecked={props.favorite} />
        Favourites only
      </label>
      <button type="submit" className="rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent">
        Apply filters
      </button>
    </form>
  );
}
