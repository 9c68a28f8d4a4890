import "server-only";
import { getConfig } from "./aws/config";
import { AppError } from "./errors";
import { formatPrice, getModel } from "./models";
import {
  dayEntries,
  type LedgerEntry,
  recordEntry,
  refundCents,
  reserveCents,
  spentCents,
  utcDay,
} from "./store/ledger";
import { acquireSlot } from "./store/limits";
import { keys } from "./store/table";

// Every generation is priced from the catalogue and paid for before it runs: reserve (personal cap, then the
// team's), generate, then record it — or refund both if it failed. At most `maxInFlight` run at once per person.

const toCents = (usd: number) => Math.round(usd * 100);

function untilMidnightUtc(now = new Date()): string {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  const minutes = Math.ceil((midnight - now.getTime()) / 60_000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

function spent(whose: "team" | "personal", capUsd: number): AppError {
  const budget =
    whose === "team" ? `Today's team budget of ${formatPrice(capUsd)}` : `Your daily budget of ${formatPrice(capUsd)}`;
  return new AppError("budget_exceeded", {
    message: `${budget} is spent: it resets at midnight UTC, in ${untilMidnightUtc()}.`,
  });
}

export async function withBudget<T extends { id: string }>(
  member: { sub: string; email: string },
  modelId: string,
  requestId: string,
  run: () => Promise<T>,
): Promise<T> {
  const config = getConfig();
  const user = member.sub;
  const release = await acquireSlot(user, config.maxInFlight, requestId);
  if (!release) throw new AppError("too_many_in_flight", { retryAfter: 5 });
  try {
    const cents = toCents(getModel(modelId).pricePerImage);
    const day = utcDay();
    const userKey = keys.ledgerUser(day, user);
    const teamKey = keys.ledgerTotal(day);
    const userCap = config.userDailyBudgetUsd;
    if (userCap !== undefined && !(await reserveCents(userKey, cents, toCents(userCap))))
      throw spent("personal", userCap);
    if (!(await reserveCents(teamKey, cents, toCents(config.dailyBudgetUsd)))) {
      if (userCap !== undefined) await refundCents(userKey, cents);
      throw spent("team", config.dailyBudgetUsd);
    }
    try {
      const result = await run();
      const who = member.email || user;
      await recordEntry({ day, at: new Date().toISOString(), user: who, model: modelId, cents, posterId: result.id });
      return result;
    } catch (error) {
      await Promise.all([refundCents(teamKey, cents), userCap !== undefined ? refundCents(userKey, cents) : null]);
      throw error;
    }
  } finally {
    await release();
  }
}

export interface SpendingToday {
  day: string;
  teamSpent: number;
  teamBudget: number;
  userSpent: number;
  userBudget: number | null;
}

export async function spendingToday(user: string): Promise<SpendingToday> {
  const config = getConfig();
  const day = utcDay();
  const [team, mine] = await Promise.all([spentCents(keys.ledgerTotal(day)), spentCents(keys.ledgerUser(day, user))]);
  return {
    day,
    teamSpent: team / 100,
    teamBudget: config.dailyBudgetUsd,
    userSpent: mine / 100,
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
      return { day, entries, totalUsd: entries.reduce((sum, e) => sum + e.cents, 0) / 100 };
    }),
  );
}
