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

describe("ledger CSV against formula injection", () => {
  it("turns cells a spreadsheet would run as formulas into text, and leaves numbers alone", () => {
    const entry = (user: string, cents: number) => ({
      id: user,
      day: "2026-11-25",
      at: "2026-11-25T10:00:00.000Z",
      user,
      model: "stability.sd3-5-large-v1:0",
      cents,
      posterId: "p1",
    });
    const users = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"];
    const rows = ledgerCsv([...users.map((u) => entry(u, 8)), entry("ann", -14)])
      .trim()
      .split("\n")
      .slice(1);
    const userCells = rows.slice(0, users.length).map((r) => r.split(",")[2]);
    expect(userCells[0]).toBe(`"'=HYPERLINK(""http://evil.example""`);
    expect(userCells.slice(1)).toEqual(["'+1+1", "'-2+3", "'@SUM(A1)", "'\tcmd", `"'\rcmd"`]);
    expect(rows.at(-1)).toContain(",-0.14,");
  });
});
