import { describe, expect, it } from "vitest";
import { codeOnly, countCasts } from "./support/casts";

// Casts at the seams are where the types stop being checked: this counts the non-const `as` in app/, components/
// and lib/ (code only: comments and strings are blanked first), so the number can only go down. Issue 16's target
// is 15, each with a comment saying why; CASTS_NOW is where it stands (README, "How it is built").
const CASTS_NOW = 55;

describe("casts in app/, components/ and lib/", () => {
  it("don't grow", () => {
    const { total, byFile } = countCasts(process.cwd());
    expect(total, JSON.stringify(byFile, null, 1)).toBeLessThanOrEqual(CASTS_NOW);
  });

  it("are counted in code only, not in comments or strings", () => {
    expect(codeOnly('const a = "x as Y"; // b as C\nconst d = e as F;')).toBe('const a = ""; \nconst d = e as F;');
  });
});
