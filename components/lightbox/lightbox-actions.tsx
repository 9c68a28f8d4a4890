"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { BoardSummary, PosterView } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import { posterPageUrl } from "@/lib/client/links";
import { type Actor, mayArrangeBoard, mayChange } from "@/lib/permissions";
import { AddToCampaign } from "../campaigns/add-to-campaign";
import type { ResultPoster } from "../studio/result-card";

const button =
  "rounded-md border border-edge px-3 py-1.5 text-center text-sm hover:border-accent disabled:opacity-60 aria-disabled:opacity-60";
const SHARE_DAYS = 30;

// Everything that can be done with a result, in the lightbox. Links copied here are app links: the poster's page
// for the team, or a share link (/s/{token}) for anyone; never a pre-signed S3 URL, which dies in minutes.
export function LightboxActions(props: {
  poster: ResultPoster;
  detail?: PosterView;
  me: Actor;
  onUseSettings: () => void;
  onFavorite: (favorite: boolean) => void;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}) {
  const { poster, detail } = props;
  const canChange = mayChange(props.me, poster.createdBy);
  const [favorite, setFavorite] = useState(Boolean(poster.favorite));
  const [message, setMessage] = useState("");
  const say = (error: unknown, fallback: string) => setMessage(error instanceof ApiError ? error.message : fallback);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a message about one poster is stale on the next
  useEffect(() => {
    setFavorite(Boolean(poster.favorite));
    setMessage("");
  }, [poster.id, poster.favorite]);

  async function toggleFavorite() {
    try {
      await api.setFavorite(poster.id, !favorite);
      setFavorite(!favorite);
      props.onFavorite(!favorite);
    } catch (error) {
      say(error, "Couldn't change the favourite.");
    }
  }

  async function copyLink() {
    await navigator.clipboard.writeText(posterPageUrl(poster.id));
    setMessage("Link to the poster's page copied: anyone on the team can open it.");
  }

  async function share() {
    try {
      const link = await api.createShare({ posterId: poster.id, expiresInDays: SHARE_DAYS, showPrompt: false });
      await navigator.clipboard.writeText(link.url);
      setMessage(`Share link copied: anyone with it can see this poster for ${SHARE_DAYS} days, without signing in.`);
    } catch (error) {
      say(error, "Couldn't make a share link.");
    }
  }

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-2">
        {canChange && (
          <Link href={`/posters/${poster.id}/design`} className={button}>
            {poster.design ? "Edit design" : "Design poster"}
          </Link>
        )}
        <Link href={`/posters/${poster.id}#develop`} className={button}>
          Develop
        </Link>
        <button type="button" onClick={toggleFavorite} aria-pressed={favorite} className={button}>
          {favorite ? "★ Favourite" : "☆ Favourite"}
        </button>
        <button type="button" onClick={props.onUseSettings} className={button}>
          Use these settings
        </button>
        <button type="button" onClick={copyLink} className={button}>
          Copy link
        </button>
        {canChange && (
          <button type="button" onClick={share} className={button}>
            Share link
          </button>
        )}
        {detail ? (
          <a href={detail.downloadUrl} download className={button}>
            Download
          </a>
        ) : (
          <span className={button} aria-disabled="true">
            Download
          </span>
        )}
        <Link href={`/posters/${poster.id}`} className={button}>
          Poster page
        </Link>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={props.selected} onChange={(e) => props.onSelect(e.target.checked)} />
        Select <span className="text-muted">(to add to a board, compare or delete with others)</span>
      </label>
      <AddToBoard posterId={poster.id} me={props.me} onMessage={setMessage} onError={say} />
      <AddToCampaign posterId={poster.id} me={props.me} onMessage={setMessage} />
      <p role="status" className="min-h-5 text-sm text-muted">
        {message}
      </p>
    </div>
  );
}

/** The boards I may change; "New board…" makes one and adds the poster in one go. */
function AddToBoard(props: {
  posterId: string;
  me: Actor;
  onMessage: (message: string) => void;
  onError: (error: unknown, fallback: string) => void;
}) {
  const [boards, setBoards] = useState<BoardSummary[]>([]);
  const [board, setBoard] = useState("new");
  const [name, setName] = useState("");

  useEffect(() => {
    api.listBoards().then(
      ({ boards: all }) => {
        const mine = all.filter((b) => mayArrangeBoard(props.me, b));
        setBoards(mine);
        const first = mine[0];
        if (first) setBoard((current) => (current === "new" ? first.id : current));
      },
      () => {},
    );
  }, [props.me]);

  async function add(event: React.FormEvent) {
    event.preventDefault();
    try {
      const created = board === "new" ? await api.createBoard(name) : undefined;
      if (created) {
        setBoards((all) => [{ ...created, editors: [], posterCount: 0, coverUrl: null }, ...all]);
        setBoard(created.id);
        setName("");
      }
      const result = await api.addToBoard(created?.id ?? board, props.posterId);
      props.onMessage(`Added to “${result.name}”.`);
    } catch (error) {
      props.onError(error, "Couldn't add the poster to the board.");
    }
  }

  return (
    <form onSubmit={add} className="flex flex-wrap items-end gap-2 text-sm">
      {/* Wide enough to read a board's name ("New board…" was cut off beside the name field): the fields wrap. */}
      <div className="flex min-w-40 flex-1 flex-col gap-1">
        <label htmlFor="lightbox-board">Add to board</label>
        <select
          id="lightbox-board"
          value={board}
          onChange={(e) => setBoard(e.target.value)}
          className="w-full rounded-md border border-edge bg-panel px-2 py-1.5"
        >
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
          <option value="new">New board…</option>
        </select>
      </div>
      {board === "new" && (
        <div className="flex min-w-40 flex-1 flex-col gap-1">
          <label htmlFor="lightbox-new-board">New board&apos;s name</label>
          <input
            id="lightbox-new-board"
            value={name}
            onChange={(e) => setName(e.target.value)}
            className="rounded-md border border-edge bg-panel px-2 py-1.5"
            placeholder="Teaser options"
          />
        </div>
      )}
      <button type="submit" className={button}>
        Add
      </button>
    </form>
  );
}
