import { describe, expect, it } from "vitest";
import { parseCompareIds } from "@/lib/compare-ids";

// /compare?ids=…: the contract the gallery, boards and the studio link to.
describe("parseCompareIds", () => {
  it("keeps 2 to 4 distinct ids in order", () => {
    expect(parseCompareIds("a,b,c")).toEqual({ ids: ["a", "b", "c"] });
    expect(parseCompareIds(" a , b,a,,")).toEqual({ ids: ["a", "b"] });
  });

  it("says why one id, none, or a repeated param can't be compared", () => {
    expect(parseCompareIds("a").problem).toMatch(/at least two posters/);
    expect(parseCompareIds(undefined).problem).toMatch(/at least two posters/);
    expect(parseCompareIds(["a", "b"])).toEqual({ ids: ["a", "b"] });
  });

  it("shows the first four of more", () => {
    const { ids, problem } = parseCompareIds("a,b,c,d,e");
    expect(ids).toEqual(["a", "b", "c", "d"]);
    expect(problem).toBe("Up to 4 posters fit side by side: these are the first 4.");
  });
});
