import type { SpendingToday } from "@/lib/api-types";
import { type Cents, formatCents, toCents } from "@/lib/money";

// Generate checks the day's budget before sending anything: the server refuses an over-budget run anyway (402),
// but only after the first images of the run went through, and with a message far from the button. The API states
// the day's figures in USD; they are compared here in cents.

/** What is left today (the smaller of the team's and your own allowance), never below zero. */
export function remainingToday(today: SpendingToday): Cents {
  const team = toCents(today.teamBudget) - toCents(today.teamSpent);
  const own = today.userBudget === null ? team : toCents(today.userBudget) - toCents(today.userSpent);
  return Math.max(0, Math.min(team, own));
}

/** Why Generate can't send a run costing `cost`, or undefined when it can. */
export function budgetProblem(today: SpendingToday, cost: Cents, images: number): string | undefined {
  const left = remainingToday(today);
  if (cost <= left) return undefined;
  if (left === 0) return "Today's budget is spent: it resets at midnight UTC.";
  const what = images === 1 ? "this image costs" : `these ${images} images cost`;
  return `Only ${formatCents(left)} of today's budget is left, and ${what} ${formatCents(cost)}: make fewer variations or pick a cheaper model.`;
}
