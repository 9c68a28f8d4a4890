import Link from "next/link";
import { chargeLabel, formatPrice } from "@/lib/models";
import { formatCents } from "@/lib/money";
import type { DaySpend, LedgerEntry, MemberSpend } from "@/lib/spending-summary";

// The Spending page's tables. Each scrolls inside its own box when a phone is too narrow for it, and long names
// (emails) wrap, so the page itself never scrolls sideways.

/** Display names by email (the ledger keeps emails): people read as they do elsewhere in the app. */
export type Names = ReadonlyMap<string, string>;

function Person({ who, names }: { who: string; names: Names }) {
  const name = names.get(who);
  return name && name !== who ? <span title={who}>{name}</span> : who;
}

const th = "px-3 py-1.5 text-left font-normal text-muted first:pl-0";
const td = "px-3 py-1.5 first:pl-0 tabular-nums";

export function PerMemberTable({ members, names }: { members: readonly MemberSpend[]; names: Names }) {
  if (members.length === 0) return <p className="text-muted">Nobody generated anything in these 30 days.</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full max-w-2xl text-sm">
        <caption className="sr-only">Spending per person, last 30 days</caption>
        <CountHeader first="Who" />
        <tbody>
          {members.map((m) => (
            <tr key={m.who} className="border-b border-edge/60">
              <th scope="row" className={`${td} text-left font-normal [overflow-wrap:anywhere]`}>
                <Person who={m.who} names={names} />
              </th>
              <td className={`${td} text-right`}>{m.images}</td>
              <td className={`${td} text-right`}>{formatPrice(m.totalUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PerDayTable({ days }: { days: readonly DaySpend[] }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full max-w-md text-sm">
        <caption className="sr-only">Spending per day, last 30 days</caption>
        <CountHeader first="Day (UTC)" />
        <tbody>
          {[...days].reverse().map((d) => (
            <tr key={d.day} className="border-b border-edge/60">
              <th scope="row" className={`${td} text-left font-normal`}>
                {d.day}
              </th>
              <td className={`${td} text-right`}>{d.images}</td>
              <td className={`${td} text-right`}>{formatPrice(d.totalUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const when = (e: LedgerEntry) => e.at.replace("T", " ").slice(0, 19);

function PosterLink({ entry }: { entry: LedgerEntry }) {
  return entry.posterId ? (
    <Link href={`/posters/${entry.posterId}`} className="underline">
      Open<span className="sr-only"> poster {entry.posterId}</span>
    </Link>
  ) : (
    <span className="text-muted">not kept</span>
  );
}

/** A table from the sm breakpoint up; on a phone, one short block per charge (five columns don't fit 390 px). */
export function LedgerTable({ entries, names }: { entries: readonly LedgerEntry[]; names: Names }) {
  return (
    <>
      <ul aria-label="Who generated what" className="divide-y divide-edge/60 border-y border-edge text-sm sm:hidden">
        {entries.map((e) => (
          <li key={e.id} className="flex items-start justify-between gap-3 py-2">
            <div className="min-w-0">
              <p className="[overflow-wrap:anywhere]">
                <Person who={e.user} names={names} />
              </p>
              <p className="text-muted">
                {chargeLabel(e.model)} · <span className="tabular-nums">{when(e)}</span>
              </p>
            </div>
            <div className="shrink-0 text-right">
              <p className="tabular-nums">{formatCents(e.cents)}</p>
              <p>
                <PosterLink entry={e} />
              </p>
            </div>
          </li>
        ))}
      </ul>
      <div className="relative hidden overflow-x-auto sm:block">
        <table className="w-full text-sm">
          <caption className="sr-only">Who generated what</caption>
          <thead>
            <tr className="border-b border-edge">
              {["When (UTC)", "Who", "Model", "Price", "Poster"].map((label) => (
                <th key={label} scope="col" className={th}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-b border-edge/60">
                <td className={`${td} whitespace-nowrap`}>{when(e)}</td>
                <td className={`${td} [overflow-wrap:anywhere]`}>
                  <Person who={e.user} names={names} />
                </td>
                <td className={td}>{chargeLabel(e.model)}</td>
                <td className={td}>{formatCents(e.cents)}</td>
                <td className={td}>
                  <PosterLink entry={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The head of a table of counts: what each row is, then its images and its total. */
function CountHeader({ first }: { first: string }) {
  return (
    <thead>
      <tr className="border-b border-edge">
        <th scope="col" className={th}>
          {first}
        </th>
        <th scope="col" className={`${th} text-right`}>
          Images
        </th>
        <th scope="col" className={`${th} text-right`}>
          Total
        </th>
      </tr>
    </thead>
  );
}
