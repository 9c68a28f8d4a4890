"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { BoardSummary, PosterView } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import { ConfirmButton } from "../confirm-button";

const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";

/** `canChange`: the member made the poster or is an admin, so may design and delete it. */
export function PosterActions(props: { poster: PosterView; boards: BoardSummary[]; canChange: boolean }) {
  const { poster } = props;
  const router = useRouter();
  const [favorite, setFavorite] = useState(Boolean(poster.favorite));
  const [board, setBoard] = useState(props.boards[0]?.id ?? "new");
  const [newBoard, setNewBoard] = useState("");
  const [message, setMessage] = useState("");

  const say = (error: unknown, fallback: string) => setMessage(error instanceof ApiError ? error.message : fallback);

  async function toggleFavorite() {
    try {
      await api.setFavorite(poster.id, !favorite);
      setFavorite(!favorite);
    } catch (error) {
      say(error, "Couldn't change the favourite.");
    }
  }

  async function addToBoard(event: React.FormEvent) {
    event.preventDefault();
    try {
      const target = board === "new" ? await api.createBoard(newBoard) : undefined;
      const result = await api.addToBoard(target?.id ?? board, poster.id);
      setMessage(`Added to “${result.name}”.`);
      if (target) router.refresh();
    } catch (error) {
      say(error, "Couldn't add the poster to the board.");
    }
  }

  async function remove() {
    try {
      await api.deletePoster(poster.id);
      router.push("/gallery");
    } catch (error) {
      say(error, "Couldn't delete the poster.");
    }
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <Link href={`/?from=${poster.id}`} className={button}>
          Use these settings
        </Link>
        {props.canChange && (
          <Link href={`/posters/${poster.id}/design`} className={button}>
            {poster.design ? "Edit design" : "Design poster"}
          </Link>
        )}
        {poster.design && poster.artUrl && (
          <a href={poster.artUrl} className={button}>
            Plain art
          </a>
        )}
        <a href={poster.downloadUrl} download className={button}>
          Download
        </a>
        <button type="button" onClick={toggleFavorite} aria-pressed={favorite} className={button}>
          {favorite ? "★ Favourite" : "☆ Favourite"}
        </button>
        {props.canChange && (
          <ConfirmButton
            label="Delete"
            question="Delete this poster? Its image goes too, and it leaves every board and share link."
            confirmLabel="Delete poster"
            onConfirm={remove}
          />
        )}
      </div>
      <form onSubmit={addToBoard} aria-label="Add to board" className="flex flex-wrap items-end gap-2 text-sm">
        <div className="flex flex-col gap-1">
          <label htmlFor="board">Board</label>
          <select
            id="board"
            value={board}
            onChange={(e) => setBoard(e.target.value)}
            className="rounded-md border border-edge bg-panel px-2 py-1.5"
          >
            {props.boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
            <option value="new">New board…</option>
          </select>
        </div>
        {board === "new" && (
          <div className="flex flex-col gap-1">
            <label htmlFor="new-board">New board&apos;s name</label>
            <input
              id="new-board"
              value={newBoard}
              onChange={(e) => setNewBoard(e.target.value)}
              className="rounded-md border border-edge bg-panel px-2 py-1.5"
              placeholder="Midnight Harbor — teaser options"
            />
          </div>
        )}
        <button type="submit" className={button}>
          Add
        </button>
      </form>
      <p role="status" className="min-h-5 text-sm text-muted">
        {message}
      </p>
    </div>
  );
}
