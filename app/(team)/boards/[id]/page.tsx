import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BoardEditor } from "@/components/boards/board-editor";
import { BoardReviews } from "@/components/reviews/board-reviews";
import { SharePanel } from "@/components/share-panel";
import { findBoardView } from "@/lib/boards";
import { AppError } from "@/lib/errors";
import { requireMember } from "@/lib/identity";
import { mayChange } from "@/lib/permissions";
import { listBoardReviews } from "@/lib/reviews/service";

export const metadata: Metadata = { title: "Board" };

export default async function BoardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await requireMember(`/boards/${id}`);
  const board = await findBoardView(id).catch((error) => {
    if (error instanceof AppError && error.code === "board_not_found") notFound();
    throw error;
  });
  const reviews = await listBoardReviews(id);
  // Everyone sees the board; only its maker (or an admin) is offered changes and share links.
  const canChange = mayChange(member, board.createdBy);
  return (
    <div className="space-y-8">
      <h1 className="sr-only">Board: {board.name}</h1>
      {/* Keyed by the posters' review status: a new review link refreshes the page, and the badges follow. */}
      <BoardEditor key={board.posters.map((p) => p.status).join()} initial={board} canChange={canChange} />
      <BoardReviews posters={board.posters} reviews={reviews} />
      {canChange && <SharePanel target="boardId" id={board.id} />}
    </div>
  );
}
