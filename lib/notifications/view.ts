import type { NotificationRecord } from "../store/notification-records";
import type { NotificationView } from "./types";

// A notification as the page and the API show it: a sentence, and the app path it is about (built here from the ids
// the item names, so the table holds no links).

const JOB_WORDS = { pack: "format pack", export: "print master", "campaign-zip": "deliverables ZIP" } as const;

function sentence(n: NotificationRecord): string {
  switch (n.kind) {
    case "mention":
    case "reply": {
      const on = n.target === "board" ? `the board “${n.targetName}”` : "a poster";
      return n.kind === "mention"
        ? `${n.actorName} mentioned you on ${on}`
        : `${n.actorName} replied in a thread on ${on}`;
    }
    case "review": {
      const option = `option ${n.label} of “${n.boardName}”`;
      const who = `${n.actorName} (reviewer)`;
      if (n.verdict === "approve") return `${who} approved ${option}`;
      if (n.verdict === "changes") return `${who} asked for changes to ${option}`;
      return `${who} commented on ${option}`;
    }
    case "job": {
      const what =
        n.jobType === "campaign-zip" && n.market ? `${JOB_WORDS[n.jobType]} for ${n.market}` : JOB_WORDS[n.jobType];
      return n.status === "done"
        ? `Your ${what} is ready`
        : `Your ${what} couldn't be made${n.message ? `: ${n.message}` : ""}`;
    }
    case "editor":
      return `${n.actorName} made you an editor of the board “${n.boardName}”`;
  }
}

function href(n: NotificationRecord): string {
  switch (n.kind) {
    case "mention":
    case "reply":
      return `/${n.target === "board" ? "boards" : "posters"}/${n.targetId}#comment-${n.commentId}`;
    case "review":
      return n.commentId ? `/posters/${n.posterId}#comment-${n.commentId}` : `/boards/${n.boardId}#board-reviews`;
    case "job":
      if (n.jobType === "campaign-zip" && n.campaignId) return `/campaigns/${n.campaignId}?tab=matrix`;
      if (n.jobType === "pack" && n.posterId) return `/posters/${n.posterId}#pack`;
      return n.posterId ? `/posters/${n.posterId}` : "/";
    case "editor":
      return `/boards/${n.boardId}`;
  }
}

export function toNotificationView(n: NotificationRecord): NotificationView {
  const excerpt = "excerpt" in n ? n.excerpt : undefined;
  return {
    id: n.id,
    kind: n.kind,
    createdAt: n.createdAt,
    read: n.read,
    text: sentence(n),
    ...(excerpt ? { excerpt } : {}),
    href: href(n),
  };
}
