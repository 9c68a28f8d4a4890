import Link from "next/link";

// Fold or show derived versions: two links that keep the other filters, so the choice lives in the URL like them
// and works without JavaScript.
export function VersionsToggle(props: { filters: Record<string, string>; versions: "fold" | "show" }) {
  const choices = [
    { value: "fold", label: "Originals", help: "versions folded into their originals" },
    { value: "show", label: "All versions", help: "derived posters shown on their own" },
  ] as const;
  return (
    <nav aria-label="Derived versions" className="mb-6 flex items-center gap-3 text-sm">
      <span className="text-muted">Versions:</span>
      <span className="inline-flex overflow-hidden rounded-md border border-edge">
        {choices.map((choice) => {
          const current = props.versions === choice.value;
          return (
            <Link
              key={choice.value}
              href={`/gallery?${new URLSearchParams({ ...props.filters, versions: choice.value })}`}
              aria-current={current ? "page" : undefined}
              title={choice.help}
              className={`px-3 py-1.5 ${current ? "bg-accent font-semibold text-ink" : "hover:bg-panel"}`}
            >
              {choice.label}
            </Link>
          );
        })}
      </span>
    </nav>
  );
}
