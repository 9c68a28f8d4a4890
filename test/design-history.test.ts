import { describe, expect, it } from "vitest";
import {
  COALESCE_MS,
  canRedo,
  canUndo,
  createHistory,
  type History,
  MAX_STEPS,
  push,
  redo,
  undo,
} from "@/lib/design/history";

// The design editor's undo and redo, as values: each change a step, a drag or a burst of typing one step, a cap on
// how far back it goes, and redo cleared by a new change.
type State = { size: number; tagline: string };
const start: State = { size: 12, tagline: "" };
const at = (h: History<State>) => h.present;

describe("design history", () => {
  it("undoes and redoes steps in order, and does nothing past either end", () => {
    let h = createHistory(start);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = push(h, { ...start, size: 13 });
    h = push(h, { ...at(h), tagline: "Hi" });
    h = push(h, { ...at(h), size: 14 });
    expect(at(h)).toEqual({ size: 14, tagline: "Hi" });
    h = undo(h);
    expect(at(h)).toEqual({ size: 13, tagline: "Hi" });
    h = undo(h);
    h = undo(h);
    expect(at(h)).toEqual(start);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    expect(canRedo(h)).toBe(true);
    h = redo(redo(redo(h)));
    expect(at(h)).toEqual({ size: 14, tagline: "Hi" });
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it("a new change after an undo clears what could be redone", () => {
    let h = push(push(createHistory(start), { ...start, size: 13 }), { ...start, size: 14 });
    h = push(undo(h), { ...start, size: 20 });
    expect(canRedo(h)).toBe(false);
    expect(at(undo(h))).toEqual({ ...start, size: 13 });
  });

  it("the same state again is no step", () => {
    const h = createHistory(start);
    expect(push(h, h.present)).toBe(h);
  });

  it("coalesces a slider drag and a typing burst into one step each, and splits them at a pause or another field", () => {
    let h = createHistory(start);
    // A drag: 40 changes 10 ms apart on one slider.
    for (let i = 1; i <= 40; i++) h = push(h, { ...at(h), size: 12 + i / 10 }, { group: "titleSize", at: i * 10 });
    // Typing, on another field, right after.
    let t = 500;
    for (const tagline of ["E", "Ev", "Eve", "Ever"]) {
      t += 150;
      h = push(h, { ...at(h), tagline }, { group: "tagline", at: t });
    }
    // A pause, then more typing in the same field: a new step.
    h = push(h, { ...at(h), tagline: "Every" }, { group: "tagline", at: t + COALESCE_MS + 1 });
    expect(h.past).toHaveLength(3);
    h = undo(h);
    expect(at(h).tagline).toBe("Ever");
    h = undo(h);
    expect(at(h)).toEqual({ size: 16, tagline: "" });
    h = undo(h);
    expect(at(h)).toEqual(start);
  });

  it("a change after an undo never joins the undone step's group", () => {
    let h = push(createHistory(start), { ...start, tagline: "A" }, { group: "tagline", at: 0 });
    h = push(h, { ...at(h), tagline: "AB" }, { group: "tagline", at: 2000 });
    h = undo(h);
    h = push(h, { ...at(h), tagline: "AC" }, { group: "tagline", at: 2010 });
    expect(at(undo(h)).tagline).toBe("A");
  });

  it(`keeps the newest ${MAX_STEPS} steps, dropping the oldest`, () => {
    let h = createHistory(start);
    for (let i = 1; i <= MAX_STEPS + 20; i++) h = push(h, { ...start, size: i });
    expect(h.past).toHaveLength(MAX_STEPS);
    while (canUndo(h)) h = undo(h);
    expect(at(h).size).toBe(20);
    expect(
      push(push(createHistory(start), { ...start, size: 1 }, { cap: 1 }), { ...start, size: 2 }, { cap: 1 }).past,
    ).toEqual([{ ...start, size: 1 }]);
  });
});
