"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { BoardView } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import { trimText } from "@/lib/display-text";
import { letterFor, type OptionLetters } from "@/lib/reviews/option-letters";
import { ConfirmButton } from "../confirm-button";
import { StatusBadge } from "../reviews/status-badge";
import { BoardEditors } from "./board-editors";
import { useDragOrder } from "./use-drag-order";

const button = "rounded-md border border-edge px-2 py-1 text-xs hover:border-accent disabled:opacity-40";

// Rename, reorder (drag a poster by its handle, with a mouse or a finger; the move buttons work with a keyboard and
// a screen reader), remove, delete, choose editors.
// Renaming, deleting and choosing editors are for the board's maker or an admin (`canChange`); reordering and
// removing for its editors too (`canArrange`); the rest of the team sees the board as it is.
export function BoardEditor({
  initial,
  canChange,
  canArrange = canChange,
  letters = null,
}: {
  initial: BoardView;
  canChange: boolean;
  canArrange?: boolean;
  /** The option letters of the board's review link, if it has one (reviews say "Option A"). */
  letters?: OptionLetters;
}) {
  const router = useRouter();
  const [board, setBoard] = useState(initial);
  const [name, setName] = useState(initial.name);
  const [message, setMessage] = useState("");

  async function run(action: () => Promise<BoardView>, done: string) {
    try {
      setBoard(await action());
      setMessage(done);
    } catch (error) {
      setMessage(
        error instanceof ApiError ? (error.fields?.name ?? error.message) : "Something went wrong: try again.",
      );
    }
  }

  function move(index: number, by: number) {
    const ids = board.posters.map((p) => p.id);
    const [id] = ids.splice(index, 1);
    if (id === undefined) return;
    ids.splice(index + by, 0, id);
    void run(
      () => api.updateBoard(board.id, { posterIds: ids, version: board.version }),
      `Moved to position ${index + by + 1}.`,
    );
  }

  // A drop shows the new order at once and saves it with the version it was made from; a refusal (someone changed
  // the board meanwhile) puts the order back and says so.
  const drag = useDragOrder(board.posters, (posters, _from, to) => {
    const before = board;
    setBoard({ ...board, posters });
    api
      .updateBoard(board.id, { posterIds: posters.map((p) => p.id), version: board.version })
      .then((saved) => {
        setBoard(saved);
        setMessage(`Moved to position ${to + 1}.`);
      })
      .catch((error) => {
        setBoard(before);
        setMessage(
          error instanceof ApiError && error.code === "conflict"
            ? "The board changed meanwhile: reload the page and move it again."
            : error instanceof ApiError
              ? error.message
              : "Couldn't save the new order: try again.",
        );
      });
  });

  async function remove() {
    try {
      await api.deleteBoard(board.id);
      router.push("/boards");
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't delete the board.");
    }
  }

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        {canChange ? (
          <form
            aria-label="Rename board"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => api.updateBoard(board.id, { name }), "Renamed.");
            }}
            className="flex flex-wrap items-end gap-2"
          >
            <label className="flex min-w-0 max-w-full flex-col gap-1 text-sm">
              Board name
              <input
                value={name}
                onChange={(e) => setName(e.target.value)}
                className="w-96 max-w-full rounded-md border border-edge bg-panel px-3 py-2 font-display text-2xl tracking-wide"
              />
            </label>
            <button type="submit" className="rounded-md border border-edge px-3 py-2 text-sm hover:border-accent">
              Rename
            </button>
            <ConfirmButton
              label="Delete board"
              question="Delete this board? Its posters stay in the gallery; its share links stop working."
              confirmLabel="Delete board"
              onConfirm={remove}
            />
          </form>
        ) : (
          <div className="space-y-1">
            <p className="font-display text-2xl tracking-wide">{board.name}</p>
            <p className="text-sm text-muted">
              {canArrange
                ? "You're an editor of this board: you can add, remove and reorder its posters."
                : "Only the person who made this board, its editors or an admin can change it."}
            </p>
          </div>
        )}
        <BoardEditors board={board} canChoose={canChange} onChanged={setBoard} />
        {/* No reserved height: an empty status would leave a gap above the posters. */}
        <p role="status" className="text-sm text-muted">
          {message}
        </p>
      </div>
      {board.posters.length === 0 ? (
        <p className="text-muted">
          No posters yet: open one from the{" "}
          <Link href="/gallery" className="underline">
            gallery
          </Link>{" "}
          and use “Add to board”.
        </p>
      ) : (
        <ol aria-label="Posters on this board" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {drag.order.map((poster, index) => (
            <li
              key={poster.id}
              data-drag-index={index}
              className={`relative space-y-2 transition-opacity ${drag.dragging === index ? "opacity-60" : ""}`}
            >
              {canArrange && (
                <span
                  {...drag.handleProps(board.posters.indexOf(poster))}
                  aria-hidden="true"
                  title="Drag to reorder"
                  data-drag-handle
                  className="absolute right-2 top-2 z-10 flex h-9 w-9 cursor-grab select-none items-center justify-center rounded-full bg-black/70 text-lg text-white active:cursor-grabbing"
                >
                  ⠿
                </span>
              )}
              <Link
                href={`/posters/${poster.id}`}
                draggable={false}
                // One cell shape for every poster, the whole poster inside it: mixed ratios line up in rows.
                className={`flex aspect-[4/5] items-center justify-center overflow-hidden rounded-lg border bg-panel ${drag.dragging === index ? "border-accent ring-2 ring-accent" : "border-edge"}`}
              >
                {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
                <img
                  src={poster.thumbnailUrl}
                  alt={trimText(poster.prompt, 120) || `Poster ${index + 1} (no prompt)`}
                  width={poster.width}
                  height={poster.height}
                  draggable={false}
                  className="h-full w-full object-contain"
                />
              </Link>
              <div className="flex flex-wrap items-center gap-2">
                {letterFor(letters, poster.id, index) && (
                  <span className="whitespace-nowrap rounded bg-accent px-1.5 py-0.5 text-xs font-bold text-ink">
                    Option {letterFor(letters, poster.id, index)}
                  </span>
                )}
                <StatusBadge status={poster.status} />
              </div>
              {canArrange && (
                <div className="flex flex-wrap gap-1">
                  <button type="button" className={button} disabled={index === 0} onClick={() => move(index, -1)}>
                    Move earlier<span className="sr-only">: poster {index + 1}</span>
                  </button>
                  <button
                    type="button"
                    className={button}
                    disabled={index === board.posters.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    Move later<span className="sr-only">: poster {index + 1}</span>
                  </button>
                  <button
                    type="button"
                    className={button}
                    onClick={() => run(() => api.removeFromBoard(board.id, poster.id), "Removed from the board.")}
                  >
                    Remove<span className="sr-only">: poster {index + 1}</span>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
