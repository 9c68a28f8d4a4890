"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { BoardView } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import { type Actor, mayArrangeBoard, mayChange } from "@/lib/permissions";
import { BoardPicker, type PickableBoard } from "../boards/board-picker";
import { useToast } from "../ui/toast";

// What to do with the posters picked with useSelection: add them to a board, compare them (2–4), delete them to the
// trash (only one's own, unless an admin: the others are named and left alone). Fixed to the bottom of the screen while
// anything is selected.

export const COMPARE_MAX = 4;

export function SelectionBar(props: {
  /** The selected ids, in the grid's order. */
  selected: string[];
  /** Who made each selected poster, to tell own from others'. */
  makers: Record<string, string>;
  viewer: Actor;
  onClear: () => void;
  /** The ids deleted (moved to the trash), to take them out of the grid. */
  onDeleted: (ids: string[]) => void;
  /** The ids brought back by the toast's Undo, to put them back. */
  onRestored: (ids: string[]) => void;
}) {
  const { selected } = props;
  const [boards, setBoards] = useState<PickableBoard[] | null>(null);
  const [message, setMessage] = useState("");
  const [deleting, setDeleting] = useState(false);
  const toast = useToast();
  const open = selected.length > 0;

  // The boards this member may add to, fetched once the bar first opens.
  useEffect(() => {
    if (!open || boards) return;
    api
      .listBoards()
      .then((page) => setBoards(page.boards.filter((b) => mayArrangeBoard(props.viewer, b))))
      .catch(() => setBoards([]));
  }, [open, boards, props.viewer]);

  useEffect(() => {
    if (!open) setMessage("");
  }, [open]);

  if (!open) return null;

  const own = selected.filter((id) => {
    const maker = props.makers[id];
    return maker !== undefined && mayChange(props.viewer, maker);
  });
  const others = selected.length - own.length;
  const canCompare = selected.length >= 2 && selected.length <= COMPARE_MAX;

  async function addAll(boardId: string): Promise<BoardView> {
    let board: BoardView | undefined;
    for (const id of selected) board = await api.addToBoard(boardId, id);
    // The bar shows only while something is selected; the picker says this sentence if that ever isn't so.
    if (!board) throw new Error("Select the posters to add first.");
    return board;
  }

  // No "are you sure?": they go to the trash, and the toast undoes it (the bar closes as the selection empties).
  async function removeOwn() {
    setDeleting(true);
    const gone: string[] = [];
    let failure = "";
    try {
      for (const id of own) {
        await api.deletePoster(id);
        gone.push(id);
      }
    } catch (error) {
      failure = error instanceof ApiError ? error.message : "Couldn't delete every poster: try again.";
      setMessage(failure);
    } finally {
      setDeleting(false);
      props.onDeleted(gone);
    }
    if (gone.length === 0) return;
    const count = `${gone.length} ${gone.length === 1 ? "poster" : "posters"}`;
    toast({
      message: `Moved ${count} to the trash.${failure ? ` ${failure}` : ""}`,
      action: { label: "Undo", run: () => restore(gone) },
    });
  }

  async function restore(ids: string[]) {
    const back: string[] = [];
    try {
      for (const id of ids) {
        await api.restorePoster(id);
        back.push(id);
      }
      toast({ message: `Restored ${back.length} ${back.length === 1 ? "poster" : "posters"}.` });
    } catch (error) {
      toast({
        message: error instanceof ApiError ? error.message : "Couldn't restore every poster: see the Trash page.",
      });
    } finally {
      props.onRestored(back);
    }
  }

  const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent";
  return (
    <section
      aria-label="Selected posters"
      className="fixed inset-x-0 bottom-0 z-30 border-t border-edge bg-panel/95 px-4 py-3 shadow-[0_-8px_24px_rgba(0,0,0,0.5)] backdrop-blur"
    >
      <div className="mx-auto flex max-w-7xl flex-wrap items-end gap-x-4 gap-y-3">
        <div className="flex items-center gap-3 self-center">
          <p className="text-sm font-semibold" aria-live="polite">
            {selected.length} selected
          </p>
          <button type="button" onClick={props.onClear} className={button}>
            Clear<span className="sr-only"> selection</span>
          </button>
        </div>
        {boards && (
          <BoardPicker
            boards={boards}
            add={addAll}
            buttonLabel={`Add ${selected.length} to board`}
            done={(board) =>
              setMessage(`Added ${selected.length} ${selected.length === 1 ? "poster" : "posters"} to “${board.name}”.`)
            }
            fail={setMessage}
          />
        )}
        <div className="flex flex-wrap items-center gap-2">
          {canCompare ? (
            <Link href={`/compare?ids=${selected.join(",")}`} className={button}>
              Compare {selected.length}
            </Link>
          ) : (
            <span className="text-sm text-muted">
              {selected.length < 2 ? "Pick 2–4 to compare" : `Compare takes at most ${COMPARE_MAX}`}
            </span>
          )}
          <button
            type="button"
            onClick={removeOwn}
            disabled={own.length === 0 || deleting}
            className="rounded-md border border-danger/60 px-3 py-1.5 text-sm text-danger hover:bg-danger/10 disabled:opacity-50"
          >
            {deleting ? "Deleting…" : `Delete ${own.length}`}
          </button>
          {others > 0 && (
            <span className="text-sm text-muted">
              {others} made by others {others === 1 ? "isn't" : "aren't"} deleted: only their maker can.
            </span>
          )}
        </div>
        <p role="status" className="w-full text-sm text-muted empty:hidden">
          {message}
        </p>
      </div>
    </section>
  );
}
