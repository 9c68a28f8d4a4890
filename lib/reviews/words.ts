// Review words and limits shared by the share page, the team's pages and the API's schema. No zod here: the share
// page's code stays small on a phone.

export const REVIEW_NAME_MAX = 60;
export const REVIEW_COMMENT_MAX = 2000;
export const VERDICTS = ["approve", "changes"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_WORDS: Record<Verdict, string> = { approve: "Approved", changes: "Asked for changes" };

/** Options are labelled A, B, C… Z, then AA, AB… (the order the board had when it was shared, or has now). */
export function optionLabel(index: number): string {
  let label = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) label = String.fromCharCode(65 + ((n - 1) % 26)) + label;
  return label;
}

/** Where the reviewer's name is kept in their browser (they give it once). */
export const REVIEWER_NAME_KEY = "onesheet.reviewer-name";
