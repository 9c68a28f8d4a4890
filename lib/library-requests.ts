import * as z from "zod/mini";

// Request schemas for the gallery, boards and share links: shared by the API and the browser's forms.

export const boardNameSchema = z
  .string({ error: "Name the board." })
  .check(z.trim(), z.minLength(1, "Name the board."), z.maxLength(80, "Keep the board's name under 80 characters."));

export const boardCreateSchema = z.strictObject({ name: boardNameSchema });

export const MAX_SHARE_DAYS = 365;

export const shareRequestSchema = z
  .strictObject(
    {
      posterId: z.optional(z.string()),
      boardId: z.optional(z.string()),
      expiresInDays: z._default(
        z
          .int({ error: "Expiry must be a whole number of days." })
          .check(
            z.gte(1, "A link must last at least a day."),
            z.lte(MAX_SHARE_DAYS, `A link can last at most ${MAX_SHARE_DAYS} days.`),
          ),
        30,
      ),
      showPrompt: z._default(z.boolean({ error: "showPrompt must be true or false." }), false),
      /** Reviewers may approve, ask for changes and comment (boards only). */
      review: z._default(z.boolean({ error: "review must be true or false." }), false),
      /** The board as sent: its order, labels and composed versions of this moment (boards only); else live. */
      snapshot: z._default(z.boolean({ error: "snapshot must be true or false." }), false),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}.` : undefined) },
  )
  .check(
    z.refine((r) => Boolean(r.posterId) !== Boolean(r.boardId), {
      message: "Share either a poster (posterId) or a board (boardId).",
      path: ["posterId"],
    }),
    z.refine((r) => !(r.posterId && (r.review || r.snapshot)), {
      message: "Review and as-sent snapshots are for boards: share the poster on a board.",
      path: ["review"],
    }),
  );

/** Where a poster stands in review (see lib/reviews): a poster nobody has sent for review is a draft. */
export const POSTER_STATUSES = ["draft", "in_review", "approved", "changes_requested"] as const;
export type PosterStatus = (typeof POSTER_STATUSES)[number];

export const favoriteSchema = z.strictObject({ favorite: z.boolean({ error: "favorite must be true or false." }) });

export const boardUpdateSchema = z
  .strictObject({
    name: z.optional(boardNameSchema),
    posterIds: z.optional(z.array(z.string()).check(z.maxLength(10_000))),
    version: z.optional(z.int()),
  })
  .check(
    z.refine((u) => u.posterIds === undefined || u.version !== undefined, {
      message: "Send the board's version with a new order.",
      path: ["version"],
    }),
  );

export const MAX_TOKEN_DAYS = 365;

/** A new API token: a name, and optionally how many days it works (none: until revoked). */
export const tokenCreateSchema = z.strictObject(
  {
    name: z
      .string({ error: "Name the token after the script that will use it." })
      .check(
        z.trim(),
        z.minLength(1, "Name the token after the script that will use it."),
        z.maxLength(60, "Keep the name under 60 characters."),
      ),
    expiresInDays: z.optional(
      z.nullable(
        z
          .int({ error: "Expiry must be a whole number of days, or none." })
          .check(
            z.gte(1, "A token must last at least a day."),
            z.lte(MAX_TOKEN_DAYS, `A token can last at most ${MAX_TOKEN_DAYS} days.`),
          ),
      ),
    ),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}.` : undefined) },
);
