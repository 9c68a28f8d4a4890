import { describe, expect, it } from "vitest";
import { ledgerCsv } from "@/lib/spending-csv";

describe("ledger CSV", () => {
  it("has a header, one row per entry oldest first, dollars with cents, and quotes what needs quoting", () => {
    const entry = (at: string, user: string, cents: number) => ({
      id: at,
      day: at.slice(0, 10),
      at,
      user,
      model: "stability.sd3-5-large-v1:0",
      cents,
      posterId: "p1",
    });
    const csv = ledgerCsv([
      entry("2026-11-25T10:00:00.000Z", 'Ann "the designer", Jr', 8),
      entry("2026-11-24T09:00:00.000Z", "bob", 14),
    ]);
    expect(csv.split("\n")).toEqual([
      "day,time,user,model,price_usd,poster_id",
      "2026-11-24,2026-11-24T09:00:00.000Z,bob,stability.sd3-5-large-v1:0,0.14,p1",
      '2026-11-25,2026-11-25T10:00:00.000Z,"Ann ""the designer"", Jr",stability.sd3-5-large-v1:0,0.08,p1',
      "",
    ]);
  });
});
