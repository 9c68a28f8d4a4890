import { ASPECT_RATIOS, MODELS, modelLabel } from "@/lib/models";

// A plain GET form: filters live in the URL, so a filtered gallery can be bookmarked and works without JavaScript.
export function GalleryFilters(props: { model?: string; aspectRatio?: string; favorite: boolean }) {
  const select = "rounded-md border border-edge bg-panel px-2 py-1.5 text-sm";
  return (
    <form method="get" aria-label="Filter posters" className="mb-6 flex flex-wrap items-end gap-4">
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor="filter-model">Model</label>
        <select id="filter-model" name="model" defaultValue={props.model ?? ""} className={select}>
          <option value="">All models</option>
          {MODELS.map((m) => (
            <option key={m.id} value={m.id}>
              {modelLabel(m.id)}
            </option>
          ))}
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
