import * as z from "zod/mini";
import { cleanText } from "../reviews/schema";

// What the team sends to comment on a poster or a board, and to resolve a thread: shared by the API and the comment
// box. Text is plain text, never HTML: control and bidirectional characters are removed (they can reorder a comment
// on screen), it is capped, and it is only ever shown as text.

export const COMMENT_MAX = 2000;
/** Mentions in one comment: a thread is for the people working on it, not a broadcast. */
export const MENTIONS_MAX = 20;

const body = z.string({ error: "Write a comment (body)." }).check(
  z.overwrite((v) => cleanText(v).replace(/\r\n?/g, "\n")),
  z.trim(),
  z.minLength(1, "Write a comment (body)."),
  z.maxLength(COMMENT_MAX, `Keep the comment under ${COMMENT_MAX.toLocaleString("en-GB")} characters.`),
);

const unit = z.number({ error: "A pin's x and y are numbers from 0 to 1." }).check(z.gte(0), z.lte(1));
const unknownKeys = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys?.join(", ")}.` : undefined,
};

export const commentRequestSchema = z
  .strictObject(
    {
      posterId: z.optional(z.string({ error: "posterId is a poster's id." })),
      boardId: z.optional(z.string({ error: "boardId is a board's id." })),
      body,
      parentId: z.optional(z.string({ error: "parentId is the id of the thread's first comment." })),
      pin: z.optional(z.strictObject({ x: unit, y: unit }, { error: "A pin is {x, y}, each from 0 to 1." })),
    },
    unknownKeys,
  )
  .check(
    z.refine((c) => Boolean(c.posterId) !== Boolean(c.boardId), {
      message: "Comment on a poster (posterId) or a board (boardId).",
      path: ["posterId"],
    }),
    z.refine((c) => !(c.pin && c.boardId), {
      message: "Pins go on a poster's image: a board's comment has none.",
      path: ["pin"],
    }),
    z.refine((c) => !(c.pin && c.parentId), {
      message: "A reply has no pin: the thread's first comment holds it.",
      path: ["pin"],
    }),
  );
export type CommentRequest = z.output<typeof commentRequestSchema>;

export const commentUpdateSchema = z.strictObject(
  { resolved: z.boolean({ error: "resolved is true (resolve the thread) or false (reopen it)." }) },
  unknownKeys,
);

export const commentListQuery = z.union(
  [z.strictObject({ posterId: z.string() }), z.strictObject({ boardId: z.string() })],
  { error: "List a poster's comments (?posterId=) or a board's (?boardId=)." },
);
