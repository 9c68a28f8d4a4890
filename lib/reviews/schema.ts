import * as z from "zod/mini";
import { REVIEW_COMMENT_MAX, REVIEW_NAME_MAX, VERDICTS } from "./words";

// What a reviewer sends from a share page (no account: the link's token is the capability). Shared by the API and
// the share page's form. Reviewer text is untrusted: control and bidirectional characters are removed (they can
// disguise a name or reorder a comment on screen), lengths are capped, and React escapes it wherever it is shown.

export { optionLabel, type Verdict } from "./words";

// C0/C1 controls except tab and newline, and the bidirectional embeddings, overrides, isolates and marks.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Reviewer text with control and bidi characters removed. */
export const cleanText = (text: string) => text.replace(UNSAFE, "");

const name = z.string({ error: "Give your name." }).check(
  z.overwrite((v) => cleanText(v).replace(/\s+/g, " ")),
  z.trim(),
  z.minLength(1, "Give your name."),
  z.maxLength(REVIEW_NAME_MAX, `Keep your name under ${REVIEW_NAME_MAX} characters.`),
);

const comment = z.string({ error: "A comment is text." }).check(
  z.overwrite((v) => cleanText(v).replace(/\r\n?/g, "\n")),
  z.trim(),
  z.maxLength(REVIEW_COMMENT_MAX, `Keep the comment under ${REVIEW_COMMENT_MAX.toLocaleString("en-GB")} characters.`),
);

const unit = z.number({ error: "A pin's x and y are numbers from 0 to 1." }).check(z.gte(0), z.lte(1));

export const reviewRequestSchema = z
  .strictObject(
    {
      posterId: z.string({ error: "Say which poster (posterId)." }),
      name,
      verdict: z.optional(z.enum(VERDICTS, { error: 'verdict is "approve" or "changes".' })),
      comment: z.optional(comment),
      pin: z.optional(z.strictObject({ x: unit, y: unit }, { error: "A pin is {x, y}, each from 0 to 1." })),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}.` : undefined) },
  )
  .check(
    z.refine((r) => Boolean(r.verdict || r.comment), {
      message: "Approve, ask for changes, or write a comment.",
      path: ["comment"],
    }),
    z.refine((r) => !r.pin || Boolean(r.comment), {
      message: "Say what the pin is about in a comment.",
      path: ["comment"],
    }),
  );

export type ReviewRequest = z.infer<typeof reviewRequestSchema>;
