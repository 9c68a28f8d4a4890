import "server-only";
import { trimText } from "../display-text";
import { AppError } from "../errors";
import { isId, newId } from "../ids";
import { mentionedHandles } from "../member-handles";
import { teamDirectory } from "../members";
import { commentNotices } from "../notifications/notices";
import type { Actor } from "../permissions";
import { getBoard } from "../store/boards";
import { type CommentRecord, getComment, listComments, putComment, setResolved } from "../store/comments";
import { getPoster } from "../store/posters";
import { type CommentRequest, MENTIONS_MAX } from "./schema";
import type { CommentsPage, CommentView, ThreadView } from "./types";
import { type CommentTargetFacts, mayResolve, toCommentView, toThreads, toThreadView } from "./view";

// Comments inside the team, on posters and boards: anyone on the team may comment and reply (everyone sees every
// poster and board); a thread is resolved or reopened by whoever may resolve it (lib/comments/view.ts mayResolve).
// Mentions must name members; each mention and each reply tells the people concerned (lib/notifications).

type Author = Actor & { name: string };

async function loadTarget(target: "poster" | "board", id: string): Promise<CommentTargetFacts> {
  if (target === "poster") {
    const poster = isId(id) ? await getPoster(id) : undefined;
    if (!poster) throw new AppError("not_found");
    return { target, id, name: trimText(poster.prompt, 80), maker: poster.createdBy, editors: [] };
  }
  const board = isId(id) ? await getBoard(id) : undefined;
  if (!board) throw new AppError("board_not_found");
  return { target, id, name: board.name, maker: board.createdBy, editors: [...(board.editors ?? [])] };
}

const list = (names: string[]) =>
  names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

/** The members a body mentions; a mention of anyone else is a field error naming them, and nothing is written. */
async function resolveMentions(body: string): Promise<CommentRecord["mentions"]> {
  const handles = mentionedHandles(body);
  if (handles.length === 0) return [];
  if (handles.length > MENTIONS_MAX) {
    throw new AppError("invalid_input", {
      fields: { body: `Mention at most ${MENTIONS_MAX} people in one comment.` },
    });
  }
  const byHandle = new Map((await teamDirectory()).map((m) => [m.handle, m]));
  const unknown = handles.filter((h) => !byHandle.has(h));
  if (unknown.length > 0) {
    const named = list(unknown.map((h) => `@${h}`));
    throw new AppError("invalid_input", {
      fields: {
        body: `${named} ${unknown.length === 1 ? "isn't anyone" : "aren't anyone"} on the team: mention members by their handle, as the list offers when you type @.`,
      },
    });
  }
  return handles.flatMap((h) => {
    const m = byHandle.get(h);
    return m ? [{ sub: m.sub, handle: h, name: m.name }] : [];
  });
}

/** The thread a reply goes in: its first comment, on the same poster or board. */
async function threadOf(parentId: string, target: CommentTargetFacts): Promise<CommentRecord> {
  const parent = isId(parentId) ? await getComment(parentId) : undefined;
  if (!parent || parent.targetId !== target.id || parent.target !== target.target) {
    throw new AppError("comment_not_found", { message: "There is no thread with that id on this poster or board." });
  }
  if (parent.parentId) {
    throw new AppError("invalid_input", {
      fields: { parentId: "Reply to the thread's first comment: replies have no replies of their own." },
    });
  }
  return parent;
}

export async function createComment(input: CommentRequest, author: Author): Promise<CommentView> {
  const target = await loadTarget(input.posterId ? "poster" : "board", input.posterId ?? input.boardId ?? "");
  const parent = input.parentId ? await threadOf(input.parentId, target) : undefined;
  const mentions = await resolveMentions(input.body);
  const comment: CommentRecord = {
    id: newId(),
    target: target.target,
    targetId: target.id,
    ...(parent ? { parentId: parent.id } : {}),
    authorSub: author.sub,
    authorName: author.name,
    body: input.body,
    mentions,
    ...(input.pin ? { pin: input.pin } : {}),
    createdAt: new Date().toISOString(),
  };
  // Everyone in the thread hears of a reply: who started it and who replied before.
  const threadMembers = parent
    ? [
        ...(parent.authorSub ? [parent.authorSub] : []),
        ...(await listComments(target.target, target.id)).comments.flatMap((c) =>
          c.parentId === parent.id && c.authorSub ? [c.authorSub] : [],
        ),
      ]
    : [];
  const refused = await putComment(comment, commentNotices(comment, { targetName: target.name, threadMembers }));
  if (refused === "target") throw new AppError(target.target === "poster" ? "not_found" : "board_not_found");
  if (refused === "parent") throw new AppError("comment_not_found");
  return toCommentView(comment);
}

export async function listThreads(
  query: { posterId: string } | { boardId: string },
  actor: Actor,
): Promise<CommentsPage> {
  const target = await loadTarget(
    "posterId" in query ? "poster" : "board",
    "posterId" in query ? query.posterId : query.boardId,
  );
  const { comments, truncated } = await listComments(target.target, target.id);
  return { threads: toThreads(comments, actor, target), truncated };
}

/** Resolves or reopens a thread; answers it as it is now, with its replies. */
export async function resolveThread(id: string, resolved: boolean, actor: Author): Promise<ThreadView> {
  const root = isId(id) ? await getComment(id) : undefined;
  if (!root) throw new AppError("comment_not_found");
  if (root.parentId) {
    throw new AppError("invalid_input", {
      fields: { resolved: "Resolve the thread: its first comment, not a reply." },
    });
  }
  const target = await loadTarget(root.target, root.targetId);
  if (!mayResolve(actor, root, target)) {
    throw new AppError("forbidden", {
      message:
        "Only whoever started this thread, the maker of what it is on, a board's editors or an admin can resolve it.",
    });
  }
  const updated = await setResolved(
    id,
    resolved ? { resolved: true, by: actor.name, at: new Date().toISOString() } : { resolved: false },
  );
  if (!updated) throw new AppError("comment_not_found");
  const replies = (await listComments(target.target, target.id)).comments.filter((c) => c.parentId === id);
  return toThreadView(updated, replies, actor, target);
}
