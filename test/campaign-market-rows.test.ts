import { describe, expect, it } from "vitest";
import { creditDrafts, creditErrors, creditsOf } from "../components/campaigns/credits-editor";
import { emptyRow, inputOf, problemsOf, rowOf, settled } from "../components/campaigns/market-rows";
import { marketsSchema } from "../lib/campaigns/schema";

// The markets table's rows: a market's own credits survive the trip through the form, and a refusal's messages,
// keyed by row and field as the API sends them, land on the cell, the row's panel or the list.

describe("a market's own credits in the table", () => {
  it("are sent as typed, in their order; the kit's when the row has none", () => {
    const market = {
      code: "fr-FR",
      title: "Les Lumières du port",
      placements: ["grande" as const],
      credits: [
        { role: "un film de", names: ["ANNA KARLSSON"] },
        { role: "avec", names: ["JONAS REED", "MAYA OKAFOR"] },
      ],
    };
    const row = rowOf(market);
    expect(row.credits?.map((c) => c.names)).toEqual(["ANNA KARLSSON", "JONAS REED, MAYA OKAFOR"]);
    expect(inputOf(row).credits).toEqual(market.credits);
    expect(inputOf({ ...row, credits: null })).not.toHaveProperty("credits");
    expect(inputOf(emptyRow())).not.toHaveProperty("credits");
    // "A, , B" is two names; an empty names field is no names, which the schema refuses on that credit.
    expect(creditsOf(creditDrafts([{ role: "avec", names: ["A"] }]).map((c) => ({ ...c, names: "A, , B" })))).toEqual([
      { role: "avec", names: ["A", "B"] },
    ]);
  });

  it("refused, land on the credit's field in that row's panel, and leave it once the billing changes", () => {
    const uk = rowOf({ code: "en-GB", title: "Harbor Lights", placements: [] });
    const fr = {
      ...rowOf({ code: "fr-FR", title: "Le Port", placements: [] }),
      credits: creditDrafts([
        { role: "avec", names: ["JONAS REED"] },
        { role: "musique", names: [] },
      ]),
    };
    const parsed = marketsSchema.safeParse([inputOf(uk), inputOf(fr)]);
    expect(parsed.success).toBe(false);
    const problems = problemsOf(
      Object.fromEntries((parsed.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message])),
    );
    expect(problems.details[1]).toEqual({ "credits.1.names": "A credit names someone." });
    expect(creditErrors(problems.details[1] ?? {}, "credits")).toEqual({ "1.names": "A credit names someone." });
    expect(problems.list).toEqual([
      { row: 1, field: "billing, credit 2", message: "A credit names someone.", panel: "credits" },
    ]);
    // The server's message about the whole billing block (a face that can't set a name), and a cell's.
    const server = problemsOf({ "1.credits": "fr-FR: League Gothic can't set these characters: Ε.", "1.title": "x" });
    expect(server.details[1]).toEqual({ credits: "fr-FR: League Gothic can't set these characters: Ε." });
    expect(creditErrors(server.details[1] ?? {}, "credits")).toEqual({
      list: "fr-FR: League Gothic can't set these characters: Ε.",
    });
    expect(server.cells).toEqual({ "1.title": "x" });
    const after = settled(server, 1, "credits");
    expect(after.details[1]).toEqual({});
    expect(after.list.map((p) => p.field)).toEqual(["Title"]);
    expect(settled(server, 1, "logo").list).toHaveLength(2);
  });
});
