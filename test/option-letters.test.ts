import { describe, expect, it } from "vitest";
import { letterFor, optionLettersOf } from "../lib/reviews/option-letters";

describe("option letters on the board page", () => {
  it("are absent without a review link (a plain share link doesn't label options)", () => {
    const letters = optionLettersOf([{ createdAt: "2026-11-01T00:00:00Z" }]);
    expect(letters).toBeNull();
    expect(letterFor(letters, "p1", 0)).toBeUndefined();
  });

  it("follow the board's current order for a live review link", () => {
    const letters = optionLettersOf([{ review: true, createdAt: "2026-11-01T00:00:00Z" }]);
    expect([0, 1, 2, 26].map((i) => letterFor(letters, `p${i}`, i))).toEqual(["A", "B", "C", "AA"]);
  });

  it("keep the labels sent with the newest snapshot link, whatever the order is now", () => {
    const letters = optionLettersOf([
      { review: true, createdAt: "2026-11-01T00:00:00Z" },
      {
        review: true,
        createdAt: "2026-11-02T00:00:00Z",
        snapshot: {
          posters: [
            { id: "b", label: "A" },
            { id: "a", label: "B" },
          ],
        },
      },
    ]);
    expect(letterFor(letters, "a", 0)).toBe("B");
    expect(letterFor(letters, "b", 1)).toBe("A");
    expect(letterFor(letters, "added-later", 2)).toBeUndefined();
  });
});
