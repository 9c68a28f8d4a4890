import type { Metadata } from "next";
import { connection } from "next/server";
import { DailyChart } from "@/components/spending/daily-chart";
import { LedgerTable, PerDayTable, PerMemberTable } from "@/components/spending/tables";
import { requireMember } from "@/lib/identity";
import { teamMembers } from "@/lib/members";
import { formatPrice } from "@/lib/models";
import { spendingReport, spendingToday } from "@/lib/spending";

export const metadata: Metadata = { title: "Spending" };

// The ledger's detail covers a week (its newest PAGE_ENTRIES charges: the CSV has them all); totals (chart, per day,
// per person) cover 30 days.
const DAYS = 7;
const PAGE_ENTRIES = 250;

export default async function SpendingPage() {
  await connection();
  const member = await requireMember("/spending");
  const [report, today, members] = await Promise.all([
    spendingReport(DAYS),
    spendingToday(member.sub),
    teamMembers(500),
  ]);
  // The ledger names people by email; the page shows the names the rest of the app uses (email on hover).
  const names = new Map(members.map((m) => [m.email, m.name]));
  const week = report.days.flatMap((d) => [...d.entries].reverse());
  const entries = week.slice(0, PAGE_ENTRIES);
  const truncated = report.truncated || week.length > entries.length;
  return (
    <div className="space-y-10">
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
      <section aria-labelledby="daily-heading" className="space-y-3">
        <h2 id="daily-heading" className="font-semibold">
          Per day, last 30 days
        </h2>
        <DailyChart days={report.perDay} />
        <details className="group">
          <summary className="cursor-pointer text-sm text-muted hover:text-white">The numbers, day by day</summary>
          <div className="mt-2">
            <PerDayTable days={report.perDay} />
          </div>
        </details>
      </section>
      <section aria-labelledby="people-heading" className="space-y-3">
        <h2 id="people-heading" className="font-semibold">
          Per person, last 30 days
        </h2>
        <PerMemberTable members={report.perMember} names={names} />
      </section>
      <section aria-labelledby="ledger-heading" className="space-y-3">
        <h2 id="ledger-heading" className="font-semibold">
          Who generated what, last {DAYS} days (UTC)
        </h2>
        {entries.length === 0 ? (
          <p className="text-muted">Nothing generated in the last {DAYS} days.</p>
        ) : (
          <LedgerTable entries={entries} names={names} />
        )}
        {truncated && (
          <p className="text-sm text-muted">
            Showing the newest {PAGE_ENTRIES.toLocaleString("en-US")} charges: the CSV download has every one.
          </p>
        )}
      </section>
    </div>
  );
}
