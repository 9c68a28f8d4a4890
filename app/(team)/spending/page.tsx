import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requireMember } from "@/lib/identity";
import { formatPrice, posterModelLabel } from "@/lib/models";
import { recentSpending, spendingToday } from "@/lib/spending";

export const metadata: Metadata = { title: "Spending" };

const DAYS = 7;

export default async function SpendingPage() {
  await connection();
  const member = await requireMember("/spending");
  const [days, today] = await Promise.all([recentSpending(DAYS), spendingToday(member.sub)]);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-display text-4xl tracking-wide">Spending</h1>
          <p className="text-muted">
            Today (UTC): {formatPrice(today.teamSpent)} of the team&apos;s {formatPrice(today.teamBudget)}
            {today.userBudget !== null && `; you: ${formatPrice(today.userSpent)} of ${formatPrice(today.userBudget)}`}.
          </p>
        </div>
        <a
          href="/api/spending/csv?days=30"
          className="rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent"
        >
          Download CSV (30 days)
        </a>
      </div>
      <section aria-labelledby="daily-heading">
        <h2 id="daily-heading" className="mb-2 font-semibold">
          Daily totals, last {DAYS} days
        </h2>
        <table className="text-sm">
          <thead>
            <tr className="text-left text-muted">
              <th scope="col" className="pr-8 font-normal">
                Day
              </th>
              <th scope="col" className="pr-8 font-normal">
                Images
              </th>
              <th scope="col" className="font-normal">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <td className="pr-8 tabular-nums">{d.day}</td>
                <td className="pr-8 tabular-nums">{d.entries.length}</td>
                <td className="tabular-nums">{formatPrice(d.totalUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="ledger-heading">
        <h2 id="ledger-heading" className="mb-2 font-semibold">
          Who generated what
        </h2>
        {days.every((d) => d.entries.length === 0) ? (
          <p className="text-muted">Nothing generated in the last {DAYS} days.</p>
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-muted">
                <th scope="col" className="font-normal">
                  When (UTC)
                </th>
                <th scope="col" className="font-normal">
                  Who
                </th>
                <th scope="col" className="font-normal">
                  Model
                </th>
                <th scope="col" className="font-normal">
                  Price
                </th>
                <th scope="col" className="font-normal">
                  Poster
                </th>
              </tr>
            </thead>
            <tbody>
              {days.flatMap((d) =>
                [...d.entries].reverse().map((e) => (
                  <tr key={e.id} className="border-t border-edge">
                    <td className="py-1 tabular-nums">{e.at.replace("T", " ").slice(0, 19)}</td>
                    <td>{e.user}</td>
                    <td>{posterModelLabel(e.model)}</td>
                    <td className="tabular-nums">{formatPrice(e.cents / 100)}</td>
                    <td>
                      {e.posterId ? (
                        <Link href={`/posters/${e.posterId}`} className="underline">
                          Open<span className="sr-only"> poster {e.posterId}</span>
                        </Link>
                      ) : (
                        "not kept"
                      )}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
