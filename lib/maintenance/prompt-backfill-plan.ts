// The prompt backfill's decisions, as pure arithmetic over a snapshot of the posters (lib/maintenance/backfill-prompts.ts
// reads them and writes what this decides). Before lib/posters/derived-prompt.ts, a developed poster's `prompt` was its
// operation's instruction when the operation had one ("dark swirling storm clouds" for a Fix), else its parent's
// prompt; its `negativePrompt` was the operation's, never inherited. Now the poster keeps its source's words and the
// instruction is `inputs.prompt` (`inputs.negativePrompt`).
//
// For every developed poster:
//  - parent still there: when its `inputs.prompt` is missing, its prompt was an instruction exactly when it differs
//    from the parent's prompt as stored (equal: inherited, or an instruction that repeated it: the same words either way), and
//    the instruction moves to `inputs.prompt`; the negative prompt likewise. Its `prompt` becomes its parent's,
//    corrected the same way: the nearest generated ancestor's words, along an unbroken chain.
//  - parent deleted, or made from an upload: the words stay (there is nothing to take them from). When they were
//    certainly an instruction — an upload's non-empty prompt, or an operation that always took one — they are also
//    recorded as `inputs.prompt`.
// Applied to its own output, the plan changes nothing: a second run is harmless.

/** What the plan reads of a poster. */
export interface PosterWords {
  id: string;
  prompt: string;
  negativePrompt?: string;
  operation?: string;
  parentId?: string;
  inputs?: Record<string, string | number>;
}

export interface WordsChange {
  id: string;
  /** As stored: the write is conditioned on it, so a poster changed meanwhile is left alone. */
  before: { prompt: string; negativePrompt?: string };
  prompt: string;
  negativePrompt?: string;
  inputs: Record<string, string | number>;
}

// Operations whose requests, before the fix, always carried a prompt (the schema refused one without): their
// poster's prompt was that instruction. Frozen on purpose: it describes records written by the old code. Reframe's
// prompt was optional, so a reframe with a deleted parent can't be told apart and keeps its words as they are.
const ALWAYS_INSTRUCTED = new Set([
  "vary",
  "inpaint",
  "search-replace",
  "search-recolor",
  "control-sketch",
  "control-structure",
  "style-guide",
]);
const alwaysInstructed = (p: PosterWords) =>
  ALWAYS_INSTRUCTED.has(p.operation ?? "") || (p.operation === "upscale" && p.inputs?.mode !== "fast");

const generated = (p: PosterWords) => !p.operation || p.operation === "generate";

type Words = { prompt: string; negativePrompt?: string };
const wordsOf = (p: PosterWords): Words => ({
  prompt: p.prompt,
  ...(p.negativePrompt ? { negativePrompt: p.negativePrompt } : {}),
});

export function planPromptBackfill(posters: readonly PosterWords[]): WordsChange[] {
  const byId = new Map(posters.map((p) => [p.id, p]));
  const memo = new Map<string, Words>();

  /** The words a poster should carry: its own if generated or cut off from its source, else its source's. */
  function corrected(poster: PosterWords, seen: ReadonlySet<string> = new Set()): Words {
    const known = memo.get(poster.id);
    if (known) return known;
    const parent = poster.parentId ? byId.get(poster.parentId) : undefined;
    // (A lineage loop can't be written, but a bad item shouldn't hang the run.)
    const words =
      generated(poster) || !parent || seen.has(poster.id)
        ? wordsOf(poster)
        : corrected(parent, new Set(seen).add(poster.id));
    memo.set(poster.id, words);
    return words;
  }

  const changes: WordsChange[] = [];
  for (const poster of posters) {
    if (generated(poster)) continue;
    const parent = poster.parentId ? byId.get(poster.parentId) : undefined;
    const inputs: Record<string, string | number> = { ...poster.inputs };
    const recorded = poster.inputs?.prompt !== undefined;
    if (parent) {
      // Different from what its parent said: the instruction (equal: inherited, or an instruction repeating it).
      if (!recorded && poster.prompt && poster.prompt !== parent.prompt) inputs.prompt = poster.prompt;
      if (
        inputs.negativePrompt === undefined &&
        poster.negativePrompt &&
        poster.negativePrompt !== parent.negativePrompt
      ) {
        inputs.negativePrompt = poster.negativePrompt;
      }
    } else if (!recorded && poster.prompt && (!poster.parentId || alwaysInstructed(poster))) {
      inputs.prompt = poster.prompt;
      if (poster.negativePrompt) inputs.negativePrompt = poster.negativePrompt;
    }
    const words = parent ? corrected(parent) : wordsOf(poster);
    const unchanged =
      words.prompt === poster.prompt &&
      words.negativePrompt === poster.negativePrompt &&
      Object.keys(inputs).length === Object.keys(poster.inputs ?? {}).length;
    if (unchanged) continue;
    changes.push({ id: poster.id, before: wordsOf(poster), ...words, inputs });
  }
  return changes;
}
