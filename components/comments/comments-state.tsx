"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { api } from "@/lib/client/api";
import type { CommentsPage, ThreadView } from "@/lib/comments/types";

// The comments of one poster or board, shared by the panel (threads, forms) and, on a poster, the large image (its
// pins, and the spot a new thread is being pinned to).

export type CommentsTarget = { posterId: string } | { boardId: string };
export type Point = { x: number; y: number };

interface CommentsState {
  target: CommentsTarget;
  page: CommentsPage;
  reload: () => Promise<void>;
  replaceThread: (thread: ThreadView) => void;
  /** Pin numbers by thread id: threads with a pin, oldest first, so numbers don't shift as threads come in. */
  pinNumbers: Map<string, number>;
  /** The image takes a click (or the keyboard) to place the pin of the thread being written. */
  pinning: boolean;
  setPinning: (on: boolean) => void;
  pending?: Point;
  setPending: (point: Point | undefined) => void;
}

const Context = createContext<CommentsState | null>(null);

export function CommentsProvider(props: { target: CommentsTarget; initial: CommentsPage; children: ReactNode }) {
  const [page, setPage] = useState(props.initial);
  const [pinning, setPinning] = useState(false);
  const [pending, setPending] = useState<Point>();
  const { target } = props;
  const reload = useCallback(async () => {
    const [kind, id] =
      "posterId" in target ? (["posterId", target.posterId] as const) : (["boardId", target.boardId] as const);
    setPage(await api.comments(kind, id));
  }, [target]);
  const replaceThread = useCallback(
    (thread: ThreadView) =>
      setPage((p) => ({ ...p, threads: p.threads.map((t) => (t.id === thread.id ? thread : t)) })),
    [],
  );
  const pinNumbers = useMemo(() => {
    const numbers = new Map<string, number>();
    for (const thread of page.threads) if (thread.pin) numbers.set(thread.id, numbers.size + 1);
    return numbers;
  }, [page]);
  const value = { target, page, reload, replaceThread, pinNumbers, pinning, setPinning, pending, setPending };
  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

export function useComments(): CommentsState {
  const state = useContext(Context);
  if (!state) throw new Error("useComments() outside a CommentsProvider");
  return state;
}

/** The same, or null where the image is shown without comments. */
export const useCommentsIfAny = () => useContext(Context);
