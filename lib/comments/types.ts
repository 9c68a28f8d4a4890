import type { Verdict } from "../reviews/words";

// The JSON of the comments API (GET/POST /api/comments, PATCH /api/comments/{id}), shared by the routes and the
// comments panel.

export interface CommentAuthor {
  /** A team member's OpenID subject; absent for an outside reviewer. */
  sub?: string;
  /** A member's display name, or the name a reviewer typed (self-declared, never verified). */
  name: string;
  /** Left from a review link by someone outside the team. */
  outside: boolean;
}

export interface CommentView {
  id: string;
  posterId?: string;
  boardId?: string;
  /** A reply names its thread's first comment. */
  parentId?: string;
  author: CommentAuthor;
  /** Plain text: show it as text, never as HTML. */
  body: string;
  /** The members it mentions, with the handle as it was typed. */
  mentions: { sub: string; handle: string; name: string }[];
  /** A point on the poster's image, each 0–1 of its width and height. */
  pin?: { x: number; y: number };
  /** From a review link: the option's label there, the board it was sent on, and the reviewer's verdict. */
  review?: { reviewId: string; label: string; boardId: string; boardName: string; verdict?: Verdict };
  createdAt: string;
}

export interface ThreadView extends CommentView {
  resolved: boolean;
  /** Who resolved it (a name) and when. */
  resolvedBy?: string;
  resolvedAt?: string;
  replies: CommentView[];
  /** Whether the caller may resolve or reopen it: its author, the poster's or board's maker, a board's editors, an
   * admin. */
  mayResolve: boolean;
}

export interface CommentsPage {
  /** Oldest first: pins are numbered in this order, so numbers don't shift as threads come in. */
  threads: ThreadView[];
  /** There were more comments than one listing reads (the newest 500 are listed). */
  truncated: boolean;
}
