"use client";

import { useEffect, useId, useState } from "react";
import type { BoardView } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";

// Where "Add to board" is offered (a poster's page, the gallery's selection bar): pick a board, or "New board…"
// with a name. It remembers the last board used in this browser, and after a new board is made it becomes the
// choice (the name field starts empty next time, never with the old name).

const LAST_BOARD = "onesheet:last-board";
const NEW = "new";

export interface PickableBoard {
  id: string;
  name: string;
}

export function rememberBoard(id: string) {
  try {
    localStorage.setItem(LAST_BOARD, id);
  } catch {
    // Storage refused (private mode, quota): the picker just starts on the first board.
  }
}

function lastBoard(): string | null {
  try {
    return localStorage.getItem(LAST_BOARD);
  } catch {
    return null;
  }
}

/** `add(boardId)` adds the poster(s) and returns the board as it is now. */
export function BoardPicker(props: {
  boards: PickableBoard[];
  add: (boardId: string) => Promise<BoardView>;
  /** Said after adding, e.g. "Added to “Teasers”." */
  done: (board: BoardView) => void;
  fail: (message: string) => void;
  buttonLabel?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const [boards, setBoards] = useState(props.boards);
  const [board, setBoard] = useState(props.boards[0]?.id ?? NEW);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);

  // After hydration (localStorage is the browser's): start on the board used last, if it is still offered.
  useEffect(() => {
    setBoards(props.boards);
    const last = lastBoard();
    setBoard(last && props.boards.some((b) => b.id === last) ? last : (props.boards[0]?.id ?? NEW));
  }, [props.boards]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const target = board === NEW ? await api.createBoard(name) : undefined;
      if (target) {
        setBoards((all) => [{ id: target.id, name: target.name }, ...all]);
        setName("");
      }
      const result = await props.add(target?.id ?? board);
      setBoard(result.id);
      rememberBoard(result.id);
      props.done(result);
    } catch (error) {
      props.fail(
        error instanceof ApiError ? (error.fields?.name ?? error.message) : "Couldn't add to the board: try again.",
      );
    } finally {
      setBusy(false);
    }
  }

  const field = "rounded-md border border-edge bg-panel px-2 py-1.5 text-sm";
  return (
    <form onSubmit={submit} aria-label="Add to board" className="flex flex-wrap items-end gap-2 text-sm">
      {/* The select keeps its width (a board's name mustn't be cut); the name field takes what is left. */}
      <div className="flex max-w-full shrink-0 flex-col gap-1">
        <label htmlFor={`${id}-board`}>Board</label>
        <select
          id={`${id}-board`}
          value={board}
          onChange={(e) => setBoard(e.target.value)}
          className={`${field} max-w-full`}
        >
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
          <option value={NEW}>New board…</option>
        </select>
      </div>
      {board === NEW && (
        <div className="flex min-w-0 flex-1 basis-48 flex-col gap-1">
          <label htmlFor={`${id}-name`}>New board&apos;s name</label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={`${field} w-full`}
            placeholder="Midnight Harbor — teaser options"
          />
        </div>
      )}
      <button
        type="submit"
        disabled={busy || props.disabled}
        className="rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60"
      >
        {busy ? "Adding…" : (props.buttonLabel ?? "Add")}
      </button>
    </form>
  );
}
