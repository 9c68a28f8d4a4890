import { describe, expect, it } from "vitest";
import { budgetProblem, remainingToday } from "@/components/studio/budget";

// Generate says so before sending when today's budget can't pay for the run, with what is left.
const today = (teamSpent: number, teamBudget: number, userSpent = 0, userBudget: number | null = null) => ({
  day: "2026-11-26",
  teamSpent,
  teamBudget,
  userSpent,
  userBudget,
});

describe("remainingToday", () => {
  it("is the team's allowance left, or your own when that is smaller, in whole cents", () => {
    expect(remainingToday(today(24.9, 25))).toBe(10);
    expect(remainingToday(today(1, 25, 4.92, 5))).toBe(8);
    expect(remainingToday(today(26, 25))).toBe(0);
  });
});

describe("budgetProblem", () => {
  it("lets a run through that today's budget pays for, to the cent", () => {
    expect(budgetProblem(today(24.84, 25), 16, 2)).toBeUndefined();
    expect(budgetProblem(today(0.1 + 0.2, 25), 16, 2)).toBeUndefined();
  });

  it("names what is left and what the run costs", () => {
    expect(budgetProblem(today(24.9, 25), 16, 2)).toBe(
      "Only $0.10 of today's budget is left, and these 2 images cost $0.16: make fewer variations or pick a cheaper model.",
    );
    expect(budgetProblem(today(0, 25, 4.95, 5), 8, 1)).toBe(
      "Only $0.05 of today's budget is left, and this image costs $0.08: make fewer variations or pick a cheaper model.",
    );
  });

  it("says the budget is spent when nothing is left", () => {
    expect(budgetProblem(today(25, 25), 4, 1)).toBe("Today's budget is spent: it resets at midnight UTC.");
  });
});
