// What a poster made by an operation says about itself. Its `prompt` describes the poster — the film's words, as
// the source said them — so the gallery's search and the team's recent prompts go by those; what the operation was
// asked to do ("dark swirling storm clouds" for a Fix) is its instruction, kept in `inputs` beside the search and
// select words. An operation never turns an edit's words into the poster's description.

/** The words a source image carries: a poster's, or what the uploader said the upload shows. */
export interface SourceWords {
  /** The poster the operation started from (absent for an upload). */
  parent?: { prompt: string; negativePrompt?: string };
  /** An upload's description, when the uploader gave one. */
  uploadDescription?: string;
}

export interface DerivedWords {
  prompt: string;
  negativePrompt?: string;
  inputs: Record<string, string | number>;
}

/** The new poster's prompt and negative prompt (the source's) and its inputs (the plan's, plus its instruction). */
export function derivedWords(
  source: SourceWords,
  plan: { prompt?: string; negativePrompt?: string; inputs: Record<string, string | number> },
): DerivedWords {
  const inputs = {
    ...plan.inputs,
    ...(plan.prompt ? { prompt: plan.prompt } : {}),
    ...(plan.negativePrompt ? { negativePrompt: plan.negativePrompt } : {}),
  };
  if (source.parent) {
    const { prompt, negativePrompt } = source.parent;
    return { prompt, ...(negativePrompt ? { negativePrompt } : {}), inputs };
  }
  // An upload has no words of its own but what its uploader said; failing that, the instruction is all there is.
  if (source.uploadDescription) return { prompt: source.uploadDescription, inputs };
  return {
    prompt: plan.prompt ?? "",
    ...(plan.negativePrompt ? { negativePrompt: plan.negativePrompt } : {}),
    inputs,
  };
}
