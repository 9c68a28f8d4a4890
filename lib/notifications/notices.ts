import { trimText } from "../display-text";
import { newId } from "../ids";
import type { Job } from "../jobs/schema";
import type { CommentRecord } from "../store/comment-records";
import type { JobOutcome } from "../store/jobs";
import type { NotificationRecord } from "../store/notification-records";
import type { ReviewRecord } from "../store/records";

// The notifications each event raises, and for whom. They are written with the event, in its transaction (see
// lib/store/notifications.ts); these builders only decide who hears of what. Nobody is told of their own doing.

const EXCERPT = 160;
const stamp = () => new Date().toISOString();

/** A comment's: a mention for each member it mentions, and a reply for everyone else in the thread (its author and
 * the authors of earlier replies) — one notification a person, mentions first. */
export function commentNotices(
  comment: CommentRecord,
  context: { targetName: string; threadMembers: readonly string[] },
): NotificationRecord[] {
  const about = {
    commentId: comment.id,
    target: comment.target,
    targetId: comment.targetId,
    targetName: trimText(context.targetName, 80),
    excerpt: trimText(comment.body, EXCERPT),
    actorName: comment.authorName,
    createdAt: comment.createdAt,
    read: false,
  };
  const told = new Set(comment.authorSub ? [comment.authorSub] : []);
  const notices: NotificationRecord[] = [];
  for (const { sub } of comment.mentions) {
    if (told.has(sub)) continue;
    told.add(sub);
    notices.push({ ...about, id: newId(), sub, kind: "mention" });
  }
  if (comment.parentId) {
    for (const sub of context.threadMembers) {
      if (told.has(sub)) continue;
      told.add(sub);
      notices.push({ ...about, id: newId(), sub, kind: "reply" });
    }
  }
  return notices;
}

/** A review's: for the board's maker and editors and whoever made the link. */
export function reviewNotices(
  review: ReviewRecord,
  recipients: readonly string[],
  commentId: string | undefined,
): NotificationRecord[] {
  return [...new Set(recipients)].map((sub) => ({
    id: newId(),
    sub,
    kind: "review",
    createdAt: review.createdAt,
    read: false,
    actorName: review.name,
    posterId: review.posterId,
    boardId: review.boardId,
    boardName: review.boardName,
    label: review.label,
    ...(review.verdict ? { verdict: review.verdict } : {}),
    ...(review.comment ? { excerpt: trimText(review.comment, EXCERPT) } : {}),
    ...(commentId ? { commentId } : {}),
  }));
}

/** A finished job's, for whoever asked for it: the jobs people wait for (a format pack, a TIFF master, a campaign's
 * ZIP). A campaign run's part-jobs aren't told: the matrix shows the run as its cells fill in. */
export function jobNotices(job: Job, outcome: JobOutcome): NotificationRecord[] {
  const base = {
    id: newId(),
    sub: job.owner.sub,
    kind: "job" as const,
    createdAt: stamp(),
    read: false,
    actorName: job.owner.name,
    jobId: job.id,
    status: outcome.status,
    ...(outcome.status === "failed" ? { message: outcome.error.message } : {}),
  };
  switch (job.type) {
    case "pack":
      return [{ ...base, jobType: "pack", posterId: job.input.keyArtId }];
    case "export":
      return [{ ...base, jobType: "export", posterId: job.input.posterId }];
    case "campaign-zip":
      return [
        {
          ...base,
          jobType: "campaign-zip",
          campaignId: job.input.campaignId,
          ...(job.input.market ? { market: job.input.market } : {}),
        },
      ];
    default:
      return [];
  }
}

/** Being made an editor of a board. */
export function editorNotice(
  board: { id: string; name: string },
  editor: string,
  by: { name: string },
): NotificationRecord {
  return {
    id: newId(),
    sub: editor,
    kind: "editor",
    createdAt: stamp(),
    read: false,
    actorName: by.name,
    boardId: board.id,
    boardName: board.name,
  };
}
