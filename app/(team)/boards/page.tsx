import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { NewBoardForm } from "@/components/boards/new-board-form";
import { listBoardSummaries } from "@/lib/boards";
import { requireMember } from "@/lib/identity";

export const metadata: Metadata = { title: "Boards" };

export default async function BoardsPage() {
  await connection(); // read at request time, never prerendered at build
  await requireMember("/boards");
  const { boards } = await listBoardSummaries({ limit: 100 });
  return (
    <>
      <h1 className="mb-4 font-display text-4xl tracking-wide">Boards</h1>
      <NewBoardForm />
      {boards.length === 0 ? (
        <p className="text-muted">No boards yet: gather the best posters of a campaign into one.</p>
      ) : (
        <ul aria-label="Boards" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
          {boards.map((board) => (
            <li key={board.id}>
              <Link
                href={`/boards/${board.id}`}
                className="block rounded-lg border border-edge p-2 hover:border-accent"
              >
                <span className="mb-2 flex aspect-[2/3] items-center justify-center overflow-hidden rounded bg-panel">
                  {board.coverUrl ? (
                    // biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser
                    <img src={board.coverUrl} alt="" className="h-full w-full object-cover" />
                  ) : (
                    <span className="px-2 text-center text-xs text-muted">Empty: add posters from the gallery</span>
                  )}
                </span>
                <span className="block truncate text-sm font-medium">{board.name}</span>
                <span className="text-xs text-muted">
                  {board.posterCount} {board.posterCount === 1 ? "poster" : "posters"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
