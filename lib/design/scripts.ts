// The writing systems the bundled faces are chosen for: the markets a campaign letters in Latin (with the accents of
// Polish, Czech, Turkish, Romanian…), Greek or Cyrillic. Pure, so the editor and campaign code can say which script a
// text needs before the server checks it glyph by glyph (glyphs.ts).

export const SCRIPTS = ["Latin", "Greek", "Cyrillic"] as const;
export type Script = (typeof SCRIPTS)[number];

// Unicode's Script property: digits, punctuation and spaces are Common, combining accents Inherited, so neither makes
// a text need a script. Characters of other scripts (Hebrew, Han…) are left to the coverage check, which names them.
const LETTERS: Record<Script, RegExp> = {
  Latin: /\p{Script=Latin}/u,
  Greek: /\p{Script=Greek}/u,
  Cyrillic: /\p{Script=Cyrillic}/u,
};

/** The scripts `text` is written in, in SCRIPTS order ("ŁÓDŹ 1989" → Latin; "МАЯК — 2027" → Cyrillic). */
export function scriptsOf(text: string): Script[] {
  return SCRIPTS.filter((script) => LETTERS[script].test(text));
}
