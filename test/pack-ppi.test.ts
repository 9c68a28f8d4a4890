import { describe, expect, it } from "vitest";
import { ppiWarning } from "@/lib/pack/plan";
import { findPlacement } from "@/lib/print/placements";

// How sharp a printed placement must be depends on how far away it is seen: a poster at arm's length wants 150 ppi,
// a 20×10 ft billboard seen from the road a fifth of that. The figures are large-format printers' rules of thumb
// (see Placement.sharpPpi); here, that a billboard at 40 ppi isn't flagged while a one-sheet at 120 is.

const placement = (id: string) => {
  const found = findPlacement(id);
  if (!found) throw new Error(`no placement ${id}`);
  return found;
};

describe("a printed placement's ppi warning", () => {
  it("holds each placement to the sharpness of its viewing distance", () => {
    expect(ppiWarning({ placement: placement("one-sheet"), effectivePpi: 120 })).toMatch(
      /^120 ppi at 27×40 in: soft in print \(150 ppi or more/,
    );
    expect(ppiWarning({ placement: placement("one-sheet"), effectivePpi: 150 })).toBeUndefined();
    expect(ppiWarning({ placement: placement("billboard-48-sheet"), effectivePpi: 40 })).toBeUndefined();
    expect(ppiWarning({ placement: placement("billboard-48-sheet"), effectivePpi: 10 })).toMatch(
      /^10 ppi at 240×120 in: soft in print \(30 ppi or more/,
    );
    expect(ppiWarning({ placement: placement("standee"), effectivePpi: 80 })).toBeUndefined();
    // A screen placement has no ppi to speak of.
    expect(ppiWarning({ placement: placement("story"), effectivePpi: undefined })).toBeUndefined();
  });
});
