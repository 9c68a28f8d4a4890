import type { SpendingToday } from "@/lib/client/api";
import { formatPrice } from "@/lib/models/generation";

// Generate checks the day's budget before sending anything: the server refuses an over-budget run anyway (402),
// but only after the first images of the run went through, and with a message far from the button.

/** What is left today in USD (the smaller of the team's and your own allowance), never below zero. */
export function remainingToday(today: SpendingToday): number {
  const cents = (usd: number) => Math.round(usd * 100);
  const team = cents(today.teamBudget) - cents(today.teamSpent);
  const own = today.userBudget === null ? team : cents(today.userBudget) - cents(today.userSpent);
  return Math.max(0, Math.min(team, own)) / 100;
}

/** Why Generate can't send a run costing `cost` (USD), or undefined when it can. */
export function budgetProblem(today: SpendingToday, cost: number, images: number): string | undefined {
  const left = remainingToday(today);
  if (Math.round(cost * 100) <= Math.round(left * 100)) return undefined;
  if (left === 0) return "Today's budget is spent: it resets at midnight UTC.";
  const what = images === 1 ? "this image costs" : `these ${images} images cost`;
  return `Only ${formatPrice(left)} of today's budget is left, and ${what} ${formatPrice(cost)}: make fewer variations or pick a cheaper model.`;
}
