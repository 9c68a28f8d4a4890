import { z } from "zod";
import { VERDICTS } from "../reviews/words";
import { COMMENT_TARGETS } from "./comment-records";

// What a notification's item holds (lib/store/notifications.ts): one schema per kind, parsed on every read and
// write. Items name what they are about (ids), never links: the view builds the app path, so a change of route never
// leaves stale links in the table. Pure: the browser may import the types.

const base = {
  id: z.string().min(1),
  /** Whose it is: the member's OpenID subject. */
  sub: z.string().min(1),
  createdAt: z.string().min(1),
  read: z.boolean(),
  /** Who did it: a member's name, or a reviewer's self-declared one. */
  actorName: z.string(),
};

const aboutComment = {
  commentId: z.string().min(1),
  target: z.enum(COMMENT_TARGETS),
  targetId: z.string().min(1),
  /** The board's name, or the poster's prompt, shortened: what the comment is on. */
  targetName: z.string(),
  excerpt: z.string(),
};

export const JOB_NOTICE_TYPES = ["pack", "export", "campaign-zip"] as const;

export const notificationRecordSchema = z.discriminatedUnion("kind", [
  z.object({ ...base, kind: z.literal("mention"), ...aboutComment }),
  z.object({ ...base, kind: z.literal("reply"), ...aboutComment }),
  z.object({
    ...base,
    kind: z.literal("review"),
    posterId: z.string().min(1),
    boardId: z.string().min(1),
    boardName: z.string(),
    label: z.string(),
    verdict: z.enum(VERDICTS).optional(),
    excerpt: z.string().optional(),
    /** The thread the reviewer's comment started, when it had one. */
    commentId: z.string().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal("job"),
    jobId: z.string().min(1),
    jobType: z.enum(JOB_NOTICE_TYPES),
    status: z.enum(["done", "failed"]),
    /** What it made from: the key art of a pack, the poster of an export, the campaign of a ZIP. */
    posterId: z.string().optional(),
    campaignId: z.string().optional(),
    market: z.string().optional(),
    message: z.string().optional(),
  }),
  z.object({ ...base, kind: z.literal("editor"), boardId: z.string().min(1), boardName: z.string() }),
]);
export type NotificationRecord = z.infer<typeof notificationRecordSchema>;
export type NotificationKind = NotificationRecord["kind"];
