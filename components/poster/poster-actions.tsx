"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { BoardSummary, PosterView } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import type { Actor } from "@/lib/permissions";
import { BoardPicker } from "../boards/board-picker";
import { AddToCampaign } from "../campaigns/add-to-campaign";
import { ConfirmButton } from "../confirm-button";

const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";

/** `canChange`: the member made the poster or is an admin, so may design and delete it. */
export function PosterActions(props: { poster: PosterView; boards: BoardSummary[]; canChange: boolean; me: Actor }) {
  const { poster } = props;
  const router = useRouter();
  const [favorite, setFavorite] = useState(Boolean(poster.favorite));
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
      <BoardPicker
        boards={props.boards}
        add={(boardId) => api.addToBoard(boardId, poster.id)}
        done={(board) => setMessage(`Added to “${board.name}”.`)}
        fail={setMessage}
      />
      <AddToCampaign posterId={poster.id} me={props.me} onMessage={setMessage} />
      <p role="status" className="min-h-5 text-sm text-muted">
        {message}
      </p>
    </div>
  );
}
