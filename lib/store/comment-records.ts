import { z } from "zod";
import { VERDICTS } from "../reviews/words";

// What a comment's item holds (lib/store/comments.ts), parsed on every read and write. One entity for the team's
// comments and for reviewers' comments from review links, so both sit in the same threads and resolve the same way.
// Pure: the browser may import the types.

const stamp = z.string().min(1);
const unit = z.number().min(0).max(1);

export const COMMENT_TARGETS = ["poster", "board"] as const;

export const commentRecordSchema = z
  .object({
    id: z.string().min(1),
    target: z.enum(COMMENT_TARGETS),
    targetId: z.string().min(1),
    /** A reply names its thread's first comment (one level of replies). */
    parentId: z.string().optional(),
    /** A team member's OpenID subject; absent for an outside reviewer (who has no account). */
    authorSub: z.string().min(1).optional(),
    /** The author's name then: a member's display name, or the name a reviewer typed (self-declared). */
    authorName: z.string(),
    /** Left by a reviewer on a review link: which review, on which board, for which option. */
    review: z
      .object({
        reviewId: z.string().min(1),
        boardId: z.string().min(1),
        boardName: z.string(),
        label: z.string(),
        verdict: z.enum(VERDICTS).optional(),
      })
      .optional(),
    /** Plain text, never HTML: shown as text wherever it appears. */
    body: z.string(),
    /** The members it @mentions, as resolved when it was written: the handle as typed (to show it as a mention) and
     * their name then. */
    mentions: z.array(z.object({ sub: z.string().min(1), handle: z.string().min(1), name: z.string() })).default([]),
    /** A point on the poster's image, each 0–1 of its width and height (threads on posters only). */
    pin: z.object({ x: unit, y: unit }).optional(),
    resolved: z.boolean().optional(),
    resolvedBy: z.string().optional(),
    resolvedAt: z.string().optional(),
    createdAt: stamp,
  })
  .refine((c) => Boolean(c.authorSub) !== Boolean(c.review), {
    message: "a comment is a member's (authorSub) or a reviewer's (review), never both or neither",
  });
export type CommentRecord = z.output<typeof commentRecordSchema>;
export type CommentTarget = CommentRecord["target"];
