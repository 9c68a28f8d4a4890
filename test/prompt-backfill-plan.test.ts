import { describe, expect, it } from "vitest";
import { type PosterWords, planPromptBackfill, type WordsChange } from "@/lib/maintenance/prompt-backfill-plan";

// The backfill's decisions on lineages the old code left behind, and that the plan is a fixed point: applied to its
// own output it changes nothing.

const apply = (posters: PosterWords[], changes: WordsChange[]) =>
  posters.map((p) => {
    const change = changes.find((c) => c.id === p.id);
    if (!change) return p;
    const { before: _, id, ...words } = change;
    const { negativePrompt: _old, ...rest } = p;
    return { ...rest, id, ...words };
  });

describe("planPromptBackfill", () => {
  const G = { id: "g", prompt: "the film's words" };

  it("follows a chain of edits back to the generated poster", () => {
    const posters: PosterWords[] = [
      G,
      { id: "f1", prompt: "storm clouds", operation: "inpaint", parentId: "g", inputs: { growMask: 5 } },
      { id: "f2", prompt: "a lighthouse", operation: "inpaint", parentId: "f1", inputs: { growMask: 5 } },
      // Erased from f2: inherited f2's prompt.
      { id: "e", prompt: "a lighthouse", operation: "erase", parentId: "f2", inputs: {} },
    ];
    const changes = planPromptBackfill(posters);
    expect(Object.fromEntries(changes.map((c) => [c.id, [c.prompt, c.inputs.prompt]]))).toEqual({
      f1: ["the film's words", "storm clouds"],
      f2: ["the film's words", "a lighthouse"],
      e: ["the film's words", undefined],
    });
    expect(planPromptBackfill(apply(posters, changes))).toEqual([]);
  });

  it("stops where the chain is broken, and records an instruction only when it surely was one", () => {
    const posters: PosterWords[] = [
      { id: "vary", prompt: "neon rain", operation: "vary", parentId: "gone", inputs: { strength: 0.3 } },
      { id: "child", prompt: "neon rain", operation: "remove-background", parentId: "vary", inputs: {} },
      // A reframe's prompt was optional: with its parent gone, its words may be the parent's.
      { id: "reframe", prompt: "the old film", operation: "reframe", parentId: "gone", inputs: { left: 100 } },
      { id: "fast", prompt: "the old film", operation: "upscale", parentId: "gone", inputs: { mode: "fast" } },
      { id: "slow", prompt: "the art", operation: "upscale", parentId: "gone", inputs: { mode: "conservative" } },
      { id: "upload-erase", prompt: "", operation: "erase", inputs: { sourceUploadId: "u" } },
    ];
    const changes = planPromptBackfill(posters);
    expect(changes.map((c) => [c.id, c.prompt, c.inputs.prompt])).toEqual([
      ["vary", "neon rain", "neon rain"],
      ["slow", "the art", "the art"],
    ]);
    expect(planPromptBackfill(apply(posters, changes))).toEqual([]);
  });

  it("puts right a poster the new code made from a poster not yet backfilled", () => {
    const posters: PosterWords[] = [
      G,
      { id: "old", prompt: "storm clouds", operation: "inpaint", parentId: "g", inputs: {} },
      // Made after the fix from "old": it copied old's (wrong) prompt and recorded its own instruction.
      { id: "new", prompt: "storm clouds", operation: "inpaint", parentId: "old", inputs: { prompt: "fog" } },
    ];
    const changes = planPromptBackfill(posters);
    expect(changes.find((c) => c.id === "new")).toMatchObject({
      prompt: "the film's words",
      inputs: { prompt: "fog" },
    });
    expect(planPromptBackfill(apply(posters, changes))).toEqual([]);
  });
});
