import { formatPrice } from "@/lib/models";
import type { DaySpend } from "@/lib/spending-summary";

// The last 30 days as bars, drawn on the server: no chart library and no script. The SVG scales with its box, so it
// fits a phone; screen readers get the title and the summary, and the exact numbers are in the table below it.

const W = 600;
const H = 160;

/** A round ceiling for the axis: 1, 2 or 5 times a power of ten. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

const short = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

export function DailyChart({ days }: { days: readonly DaySpend[] }) {
  const total = days.reduce((sum, d) => sum + d.totalUsd, 0);
  const top = niceMax(Math.max(...days.map((d) => d.totalUsd)));
  const slot = W / Math.max(days.length, 1);
  const bar = Math.max(slot * 0.7, 1);
  const height = (usd: number) => (H * usd) / top;
  const busiest = days.reduce<DaySpend | undefined>(
    (best, d) => (!best || d.totalUsd > best.totalUsd ? d : best),
    undefined,
  );
  const first = days[0];
  const last = days.at(-1);
  const summary =
    first && last
      ? `${formatPrice(total)} from ${short(first.day)} to ${short(last.day)}` +
        (busiest && busiest.totalUsd > 0
          ? `; the most on ${short(busiest.day)}, ${formatPrice(busiest.totalUsd)}.`
          : ".")
      : "No days.";
  return (
    <figure className="max-w-3xl space-y-1">
      <p className="text-right text-xs text-muted" aria-hidden="true">
        {formatPrice(top)}
      </p>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        className="block h-40 w-full border-t border-dashed border-edge"
        role="img"
        aria-labelledby="daily-chart-title"
        aria-describedby="daily-chart-summary"
      >
        {/* A <title>'s children must be one string: React renders several as one text on the server and expects
            several text nodes when hydrating, so the page failed to hydrate (#418). */}
        <title id="daily-chart-title">{`Spending per day, last ${days.length} days (UTC)`}</title>
        {days.map((d, i) => {
          const h = height(d.totalUsd);
          return (
            <rect key={d.day} x={i * slot + (slot - bar) / 2} y={H - h} width={bar} height={h} className="fill-accent">
              <title>{`${short(d.day)}: ${formatPrice(d.totalUsd)}, ${d.images} ${d.images === 1 ? "image" : "images"}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="flex justify-between border-t border-edge pt-1 text-xs text-muted" aria-hidden="true">
        <span>{first && short(first.day)}</span>
        <span>{last && short(last.day)}</span>
      </div>
      <figcaption id="daily-chart-summary" className="text-sm text-muted">
        {summary}
      </figcaption>
    </figure>
  );
}
