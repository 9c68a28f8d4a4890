import { optionLabel } from "./words";

// Which option letter (A, B, C…) each poster of a board carries on its review link, so "Option A" in a review can
// be found on the board page. The newest live review link decides: a link sent "as it is now" labels the posters
// in the order the board had then; a live link labels them in the board's current order.

/** Letters follow the board's current order ("board-order"), are fixed per poster id, or there is no review link. */
export type OptionLetters = "board-order" | Record<string, string> | null;

export interface ReviewLinkShape {
  review?: boolean;
  createdAt: string;
  snapshot?: { posters: { id: string; label: string }[] };
}

export function optionLettersOf(links: ReviewLinkShape[]): OptionLetters {
  const newest = links
    .filter((l) => l.review)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .at(0);
  if (!newest) return null;
  if (!newest.snapshot) return "board-order";
  return Object.fromEntries(newest.snapshot.posters.map((p) => [p.id, p.label]));
}

/** The letter shown for the poster at `index` of the board as it is now (none for a poster added after sending). */
export function letterFor(letters: OptionLetters, posterId: string, index: number): string | undefined {
  if (letters === null) return undefined;
  return letters === "board-order" ? optionLabel(index) : letters[posterId];
}
