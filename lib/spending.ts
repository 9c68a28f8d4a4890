import "server-only";
import type { SpendingToday } from "./api-types";
import { getConfig } from "./aws/config";
import { AppError } from "./errors";
import { type Cents, formatCents, toCents, toUsd } from "./money";
import { timed } from "./server-timing";
import { type SpendingSummary, SUMMARY_DAYS, summarize } from "./spending-summary";
import {
  type ChargeDetails,
  chargeItems,
  dayEntries,
  type LedgerEntry,
  lateChargeItems,
  type Reservation,
  refundItems,
  reserveItems,
  spentCents,
  utcDay,
} from "./store/ledger";
import { countRequestItem, releaseSlotItem, secondsToNextMinute, takeSlotItem } from "./store/limits";
import { newPosterItems, type PosterRecord, parentWentAway } from "./store/posters";
import { keys } from "./store/table";
import { type Step, steps, type TransactItem, transact } from "./store/transactions";

// Every generation is priced from the catalogue and paid for before it runs. Admission is one transaction: the
// request counted in its minute, an in-flight slot (at most `maxInFlight` per person), the price on the person's
// and the team's running totals (within their caps) and a reservation record. Settling is one more: charged (a
// ledger entry, with the poster's item when there is one) if the model answered — AWS bills that whatever happens
// next — or refunded if it didn't; the slot is given back either way.

function untilMidnightUtc(now = new Date()): string {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  const minutes = Math.ceil((midnight - now.getTime()) / 60_000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

function spent(whose: "team" | "personal", capUsd: number): AppError {
  const budget =
    whose === "team"
      ? `Today's team budget of ${formatCents(toCents(capUsd))}`
      : `Your daily budget of ${formatCents(toCents(capUsd))}`;
  return new AppError("budget_exceeded", {
    message: `${budget} is spent: it resets at midnight UTC, in ${untilMidnightUtc()}.`,
  });
}

/** Counts the request, takes a slot and reserves the price in one write; returns the slot taken. */
async function admit(reservation: Reservation, holder: string): Promise<number> {
  const config = getConfig();
  const userCap = config.userDailyBudgetUsd;
  const budget = reserveItems(
    reservation,
    toCents(config.dailyBudgetUsd),
    userCap === undefined ? undefined : toCents(userCap),
  );
  // Start at a random slot, so concurrent requests of one person don't all queue for slot 0.
  const first = Math.floor(Math.random() * config.maxInFlight);
  for (let i = 0; i < config.maxInFlight; i++) {
    const slot = (first + i) % config.maxInFlight;
    const now = Date.now();
    const result = await transact("admission", [
      ...budget,
      countRequestItem(reservation.user, config.requestsPerMinute, now),
      takeSlotItem(reservation.user, slot, holder, config.generationTimeoutMs, now),
    ]);
    if (result.ok) return slot;
    const { refused } = result;
    if (refused.has("request count")) throw new AppError("rate_limited", { retryAfter: secondsToNextMinute(now) });
    if (refused.has("member total") && userCap !== undefined) throw spent("personal", userCap);
    if (refused.has("team total")) throw spent("team", config.dailyBudgetUsd);
    // Only the slot refused: this one is taken, try the next.
  }
  throw new AppError("too_many_in_flight", { retryAfter: 5 });
}

/** Charges (with `charge`) or refunds the reservation and frees the slot, in one write. The slot or the reservation
 * may have been taken over after a timeout (a new holder, the sweeper): then the write is redone without it; a
 * derived poster's parent may have been deleted meanwhile: then it is written as an original. `extra` items go in
 * the same write as a charge (a job step recording that it was paid): if one of their conditions fails, nothing is
 * charged (the reservation is refunded instead) and the answer is false. */
async function settle(
  reservation: Reservation,
  release: Step<"slot">,
  charge?: ChargeDetails,
  record?: PosterRecord,
  extra: TransactItem[] = [],
): Promise<boolean> {
  let slotHeld = true;
  let reserved = true;
  let committed = true;
  for (let attempt = 0; attempt < 5; attempt++) {
    const charging = charge && committed;
    const money = charging
      ? reserved
        ? chargeItems(reservation, charge)
        : lateChargeItems(reservation, charge)
      : reserved
        ? refundItems(reservation)
        : [];
    const list = [
      ...money,
      ...(record && charging ? newPosterItems(record) : []),
      ...(charging ? steps("extra", extra) : []),
      ...(slotHeld ? [release] : []),
    ];
    if (list.length === 0) return committed;
    const result = await transact(`settling ${reservation.id}`, list);
    if (result.ok) return committed;
    const { refused } = result;
    const orphan = record && charging && parentWentAway(record, refused);
    if (orphan) record = orphan;
    else if (refused.has("extra")) committed = false;
    else if (reserved && refused.has("reservation")) reserved = false;
    else if (slotHeld && refused.has("slot")) slotHeld = false;
    else throw new Error(`settling ${reservation.id} was refused: ${result.detail}`);
  }
  throw new Error(`settling ${reservation.id} kept being refused`);
}

export interface Billing {
  /** Called by the generation once the model has answered: from then on it is charged, kept or not. */
  modelAnswered(): void;
  /** Writes the new poster's item in the same transaction as its charge and the slot's release: a poster and its
   * ledger entry exist together or not at all, and a generation costs two writes (admission, this). */
  writeItem(record: PosterRecord): Promise<void>;
  /** Settles the charge now, together with `items` (a job step's record of it), in one write; false when one of
   * their conditions failed (the step was charged already, or the job was taken over): then nothing is charged. */
  commit(items: TransactItem[], posterId?: string): Promise<boolean>;
}

/** What a run costs: the catalogue's price of the model or service it invokes (recorded on the ledger entry). */
export interface Priced {
  model: string;
  cents: Cents;
}

/** What one model call holds of the day's budget, from now until it is settled. */
function reservationFor(member: { sub: string }, priced: Priced, requestId: string): Reservation {
  const now = new Date();
  return {
    id: requestId,
    day: utcDay(now),
    user: member.sub,
    cents: priced.cents,
    startedAt: now.toISOString(),
  };
}

/** Runs one generation within the budget and the per-person limits. It also counts the request against the
 * per-minute limit (in the admission write), so its route must not count it again. */
export async function withBudget<T extends { id: string }>(
  member: { sub: string; email: string },
  priced: Priced,
  requestId: string,
  run: (billing: Billing) => Promise<T>,
): Promise<T> {
  const reservation = reservationFor(member, priced, requestId);
  const slot = await timed("admit", () => admit(reservation, requestId));
  const release = releaseSlotItem(member.sub, slot, requestId);
  const charge: ChargeDetails = { who: member.email || member.sub, model: priced.model };
  let answered = false;
  // Once the item write was tried, its transaction may have settled everything, even if its answer was lost:
  // settling again could charge twice, so what it left open is the sweeper's (it refunds after the timeout).
  let itemTried = false;
  let result: T;
  try {
    result = await run({
      modelAnswered: () => {
        answered = true;
      },
      writeItem: async (record) => {
        itemTried = true;
        await timed("settle", () => settle(reservation, release, { ...charge, posterId: record.id }, record));
      },
      commit: async (items, posterId) => {
        itemTried = true;
        return settle(reservation, release, { ...charge, ...(posterId ? { posterId } : {}) }, undefined, items);
      },
    });
  } catch (error) {
    if (itemTried) logUnsettled(reservation, error);
    else {
      await settle(reservation, release, answered ? charge : undefined).catch((settleError) =>
        logUnsettled(reservation, settleError),
      );
    }
    throw error;
  }
  if (!itemTried) {
    // A generation that wrote its item some other way: charge it here (the poster is the user's either way).
    await settle(reservation, release, { ...charge, posterId: result.id }).catch((settleError) =>
      logUnsettled(reservation, settleError),
    );
  }
  return result;
}

/**
 * Charges a model call whose reservation was lost with its worker (it stored the answer, then died before settling;
 * the sweeper refunds that reservation): the price goes on the day's totals with its entry, together with `items`,
 * whose conditions make it happen once. False when they refused (charged already).
 */
export async function chargeLate(
  member: { sub: string; email: string },
  priced: Priced & { posterId?: string },
  requestId: string,
  items: TransactItem[],
): Promise<boolean> {
  const reservation = reservationFor(member, priced, requestId);
  const charge: ChargeDetails = { who: member.email || member.sub, model: priced.model, posterId: priced.posterId };
  const result = await transact(`late charge ${requestId}`, [
    ...lateChargeItems(reservation, charge),
    ...steps("extra", items),
  ]);
  if (result.ok) return true;
  if (result.refused.has("extra")) return false;
  throw new Error(`late charge ${requestId} was refused: ${result.detail}`);
}

/** Refuses work that today's budget (the team's, or the member's own) can't pay for, before any of it starts: a job's
 * model calls are each admitted on their own later, but a job that can't be paid shouldn't be queued. */
export async function checkBudget(member: { sub: string }, cents: Cents): Promise<void> {
  if (cents === 0) return;
  const config = getConfig();
  const day = utcDay();
  const [team, mine] = await Promise.all([
    spentCents(keys.ledgerTotal(day)),
    spentCents(keys.ledgerUser(day, member.sub)),
  ]);
  const short = (left: number, whose: string) =>
    new AppError("budget_exceeded", {
      message: `This costs ${formatCents(cents)} and only ${formatCents(Math.max(0, left))} of ${whose} is left: it resets at midnight UTC, in ${untilMidnightUtc()}.`,
    });
  const userCap = config.userDailyBudgetUsd;
  if (userCap !== undefined && mine + cents > toCents(userCap))
    throw short(toCents(userCap) - mine, "your daily budget");
  const teamCap = toCents(config.dailyBudgetUsd);
  if (team + cents > teamCap) throw short(teamCap - team, "today's team budget");
}

function logUnsettled(reservation: Reservation, error: unknown) {
  console.error(JSON.stringify({ level: "error", msg: "settling failed", reservation, error: String(error) }));
}

export async function spendingToday(user: string): Promise<SpendingToday> {
  const config = getConfig();
  const day = utcDay();
  const [team, mine] = await Promise.all([spentCents(keys.ledgerTotal(day)), spentCents(keys.ledgerUser(day, user))]);
  return {
    day,
    teamSpent: toUsd(team),
    teamBudget: config.dailyBudgetUsd,
    userSpent: toUsd(mine),
    userBudget: config.userDailyBudgetUsd ?? null,
  };
}

/** Entries of the last `days` UTC days, newest day first. */
export async function recentSpending(
  days: number,
): Promise<{ day: string; entries: LedgerEntry[]; totalUsd: number }[]> {
  const now = Date.now();
  const list = Array.from({ length: days }, (_, i) => utcDay(new Date(now - i * 86_400_000)));
  return Promise.all(
    list.map(async (day) => {
      const entries = await dayEntries(day);
      return { day, entries, totalUsd: toUsd(entries.reduce((sum, e) => sum + e.cents, 0)) };
    }),
  );
}

/** At most this many ledger entries in one answer (page or JSON): a busy team's week stays well under a function's
 * 6 MB answer; the CSV download (made in S3) has them all. */
export const MAX_LEDGER_LISTED = 1000;

/** The ledger of the last `days` days (newest first; each day's entries newest last, at most MAX_LEDGER_LISTED in
 * all, the newest kept), with per-day and per-person totals of the last 30 days (from every entry). */
export async function spendingReport(
  days: number,
): Promise<{ days: Awaited<ReturnType<typeof recentSpending>>; truncated: boolean } & SpendingSummary> {
  const all = await recentSpending(Math.max(days, SUMMARY_DAYS));
  let room = MAX_LEDGER_LISTED;
  const listed = all.slice(0, days).map((day) => {
    const kept = day.entries.slice(Math.max(0, day.entries.length - room));
    room -= kept.length;
    return { ...day, entries: kept };
  });
  const truncated = listed.some((d, i) => d.entries.length < (all[i]?.entries.length ?? 0));
  return { days: listed, truncated, ...summarize(all.slice(0, SUMMARY_DAYS)) };
}
