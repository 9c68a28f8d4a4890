import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BoardEditor } from "@/components/boards/board-editor";
import { CommentsPanel } from "@/components/comments/comments-panel";
import { CommentsProvider } from "@/components/comments/comments-state";
import { BoardReviews } from "@/components/reviews/board-reviews";
import { SharePanel } from "@/components/share-panel";
import { findBoardView } from "@/lib/boards";
import { listThreads } from "@/lib/comments/service";
import { trimText } from "@/lib/display-text";
import { AppError } from "@/lib/errors";
import { requireMember } from "@/lib/identity";
import { mayArrangeBoard, mayChange } from "@/lib/permissions";
import { listBoardReviews } from "@/lib/reviews/service";
import { reviewLettersOf } from "@/lib/shares";

// What the page shows of a board at its largest (200 posters, each prompt up to 10,000 characters, 500 reviews):
// the tiles' prompts as a line, the newest reviews; the API (GET /api/boards/{id}) has the rest.
const PAGE_PROMPT_CHARS = 300;
const PAGE_REVIEWS = 100;

export const metadata: Metadata = { title: "Board" };

export default async function BoardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await requireMember(`/boards/${id}`);
  const found = await findBoardView(id).catch((error) => {
    if (error instanceof AppError && error.code === "board_not_found") notFound();
    throw error;
  });
  const board = {
    ...found,
    posters: found.posters.map((p) => ({ ...p, prompt: trimText(p.prompt, PAGE_PROMPT_CHARS) })),
  };
  const [allReviews, letters, comments] = await Promise.all([
    listBoardReviews(id),
    reviewLettersOf(id),
    listThreads({ boardId: id }, member),
  ]);
  const reviews = allReviews.slice(0, PAGE_REVIEWS);
  // Everyone sees the board and may comment; its maker (or an admin) is offered every change, its editors the
  // posters' order and membership.
  const canChange = mayChange(member, board.createdBy);
  const canArrange = mayArrangeBoard(member, { createdBy: board.createdBy, editors: board.editors.map((e) => e.sub) });
  return (
    <div className="space-y-8">
      <div className="space-y-4">
        {/* Read out with the board's name (shown in the field below, or under it for the rest of the team). */}
        <h1 aria-label={`Board: ${board.name}`} className="font-display text-4xl tracking-wide">
          Board
        </h1>
        {/* Keyed by the posters' review status: a new review link refreshes the page, and the badges follow. */}
        <BoardEditor
          key={board.posters.map((p) => p.status).join()}
          initial={board}
          canChange={canChange}
          canArrange={canArrange}
          letters={letters}
        />
      </div>
      <div className="max-w-3xl">
        <CommentsProvider target={{ boardId: board.id }} initial={comments}>
          <CommentsPanel />
        </CommentsProvider>
      </div>
      <BoardReviews posters={board.posters} reviews={reviews} waiting={letters !== null} />
      {canChange && <SharePanel target="boardId" id={board.id} />}
    </div>
  );
}
