import { srcSetOf } from "@/lib/image-sources";
import { posterModelLabel } from "@/lib/models";
import type { SharedContent } from "@/lib/shares";

// The image's width in CSS px as laid out below (one poster up to 42rem; a board two, three or four a row in 72rem):
// what the browser picks a size from.
const SINGLE_SIZES = "(min-width: 704px) 672px, calc(100vw - 32px)";
const GRID_SIZES =
  "(min-width: 1184px) 262px, (min-width: 1024px) calc(25vw - 26px), (min-width: 768px) calc(33vw - 27px), calc(50vw - 28px)";

// A link that only shows: the poster large, or a board's posters as thumbnails, each opening full size.
export function SharedGrid({ token, content }: { token: string; content: SharedContent }) {
  return (
    <ul
      aria-label="Shared posters"
      className={content.title === null ? "mx-auto max-w-2xl" : "grid grid-cols-2 gap-6 md:grid-cols-3 lg:grid-cols-4"}
    >
      {content.posters.map((poster, index) => {
        const query = `?poster=${poster.id}`;
        const name = poster.prompt || (content.title === null ? "The poster" : `Option ${poster.label}`);
        return (
          <li key={poster.id} className="space-y-3">
            {content.title !== null && <p className="font-display text-2xl tracking-wide">{poster.label}</p>}
            <a href={`/s/${token}/image${query}`} className="block">
              {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
              <img
                srcSet={srcSetOf(poster.sources)}
                sizes={content.title === null ? SINGLE_SIZES : GRID_SIZES}
                // After srcset and sizes: set first, a browser may fetch it before it knows it has a choice.
                src={poster.imageUrl}
                alt={name}
                width={poster.width}
                height={poster.height}
                loading={index < 4 ? "eager" : "lazy"}
                className="h-auto w-full rounded-lg border border-edge"
              />
              <span className="sr-only">Open {name} full size</span>
            </a>
            {poster.prompt && (
              <p className="text-sm">
                {poster.prompt}
                <span className="block text-xs text-muted">
                  {posterModelLabel(poster.model ?? "")} · seed {poster.seed}
                </span>
              </p>
            )}
            {poster.designed && (
              <a href={`/s/${token}/image${query}&art=plain`} className="mr-3 text-sm underline">
                Plain art<span className="sr-only"> of {name}</span>
              </a>
            )}
            <a
              href={`/s/${token}/download${query}`}
              className="inline-block rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent"
            >
              Download<span className="sr-only"> {name}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
