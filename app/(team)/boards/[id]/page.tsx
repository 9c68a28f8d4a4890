import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BoardEditor } from "@/components/boards/board-editor";
import { SharePanel } from "@/components/share-panel";
import { findBoardView } from "@/lib/boards";
import { AppError } from "@/lib/errors";
import { requireMember } from "@/lib/identity";

export const metadata: Metadata = { title: "Board" };

export default async function BoardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireMember(`/boards/${id}`);
  const board = await findBoardView(id).catch((error) => {
    if (error instanceof AppError && error.code === "board_not_found") notFound();
    throw error;
  });
  return (
    <div className="space-y-8">
      <h1 className="sr-only">Board: {board.name}</h1>
      <BoardEditor initial={board} />
      <SharePanel target="boardId" id={board.id} />
    </div>
  );
}
