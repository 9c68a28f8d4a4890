import type { Actor } from "../permissions";
import type { CommentRecord } from "../store/comment-records";
import type { CommentView, ThreadView } from "./types";

// Comments as the API answers them, and threads put together from a listing.

/** What a comment is on, as far as who may resolve its threads goes. */
export interface CommentTargetFacts {
  target: CommentRecord["target"];
  id: string;
  /** The board's name, or the poster's prompt (shortened): what notifications say the comment is on. */
  name: string;
  maker: string;
  editors: readonly string[];
}

export function toCommentView(c: CommentRecord): CommentView {
  return {
    id: c.id,
    ...(c.target === "poster" ? { posterId: c.targetId } : { boardId: c.targetId }),
    ...(c.parentId ? { parentId: c.parentId } : {}),
    author: { ...(c.authorSub ? { sub: c.authorSub } : {}), name: c.authorName, outside: Boolean(c.review) },
    body: c.body,
    mentions: c.mentions,
    ...(c.pin ? { pin: c.pin } : {}),
    ...(c.review
      ? {
          review: {
            reviewId: c.review.reviewId,
            label: c.review.label,
            boardId: c.review.boardId,
            boardName: c.review.boardName,
            ...(c.review.verdict ? { verdict: c.review.verdict } : {}),
          },
        }
      : {}),
    createdAt: c.createdAt,
  };
}

/** Who may resolve or reopen a thread: whoever started it, the poster's or board's maker, a board's editors, an
 * admin. */
export function mayResolve(actor: Actor, root: CommentRecord, target: CommentTargetFacts): boolean {
  return (
    actor.isAdmin || root.authorSub === actor.sub || target.maker === actor.sub || target.editors.includes(actor.sub)
  );
}

export function toThreadView(
  root: CommentRecord,
  replies: readonly CommentRecord[],
  actor: Actor,
  target: CommentTargetFacts,
): ThreadView {
  return {
    ...toCommentView(root),
    resolved: root.resolved === true,
    ...(root.resolved && root.resolvedBy ? { resolvedBy: root.resolvedBy } : {}),
    ...(root.resolved && root.resolvedAt ? { resolvedAt: root.resolvedAt } : {}),
    replies: replies.map(toCommentView),
    mayResolve: mayResolve(actor, root, target),
  };
}

/** Threads from a listing, oldest first, each with its replies oldest first. A reply whose first comment is past
 * the listing's window is left out with it. */
export function toThreads(comments: readonly CommentRecord[], actor: Actor, target: CommentTargetFacts): ThreadView[] {
  const replies = new Map<string, CommentRecord[]>();
  for (const c of comments) {
    if (c.parentId) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
  }
  return comments
    .filter((c) => !c.parentId)
    .map((root) => toThreadView(root, replies.get(root.id) ?? [], actor, target));
}
