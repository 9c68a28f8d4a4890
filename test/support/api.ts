import { DELETE as removeFromBoard } from "@/app/api/boards/[id]/posters/[posterId]/route";
import { POST as addToBoard } from "@/app/api/boards/[id]/posters/route";
import { DELETE as deleteBoard, GET as getBoard, PATCH as patchBoard } from "@/app/api/boards/[id]/route";
import { POST as createBoard, GET as listBoards } from "@/app/api/boards/route";
import { DELETE as deletePoster, GET as getPoster, PATCH as patchPoster } from "@/app/api/posters/[id]/route";
import { POST as createPoster, GET as listPosters } from "@/app/api/posters/route";
import { DELETE as revokeShare } from "@/app/api/shares/[token]/route";
import { POST as createShare, GET as listShares } from "@/app/api/shares/route";
import { authed, type MemberName } from "./local-stack";

// Calls the real route handlers with Request objects, as Next.js would, and returns status and JSON.

const ORIGIN = "http://studio.test";

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
}

async function reply<T>(response: Response): Promise<Reply<T>> {
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

let actingAs: MemberName = "alice";
const request = (path: string, method = "GET", json?: unknown) =>
  authed(`${ORIGIN}${path}`, { method, ...(json === undefined ? {} : { body: JSON.stringify(json) }) }, actingAs);

/** Runs calls as another member. */
export async function as<T>(member: MemberName, run: () => Promise<T>): Promise<T> {
  const before = actingAs;
  actingAs = member;
  try {
    return await run();
  } finally {
    actingAs = before;
  }
}
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

// biome-ignore lint/suspicious/noExplicitAny: test helper returning loosely typed JSON
type Json = any;

export const client = {
  createPoster: async (body: object) => reply<Json>(await createPoster(request("/api/posters", "POST", body), {})),
  listPosters: async (query = "") => reply<Json>(await listPosters(request(`/api/posters${query}`), {})),
  getPoster: async (id: string) => reply<Json>(await getPoster(request(`/api/posters/${id}`), ctx({ id }))),
  favorite: async (id: string, favorite: unknown) =>
    reply<Json>(await patchPoster(request(`/api/posters/${id}`, "PATCH", { favorite }), ctx({ id }))),
  deletePoster: async (id: string) =>
    reply<Json>(await deletePoster(request(`/api/posters/${id}`, "DELETE"), ctx({ id }))),

  createBoard: async (name: unknown) => reply<Json>(await createBoard(request("/api/boards", "POST", { name }), {})),
  listBoards: async () => reply<Json>(await listBoards(request("/api/boards"), {})),
  getBoard: async (id: string) => reply<Json>(await getBoard(request(`/api/boards/${id}`), ctx({ id }))),
  patchBoard: async (id: string, change: object) =>
    reply<Json>(await patchBoard(request(`/api/boards/${id}`, "PATCH", change), ctx({ id }))),
  deleteBoard: async (id: string) =>
    reply<Json>(await deleteBoard(request(`/api/boards/${id}`, "DELETE"), ctx({ id }))),
  addToBoard: async (id: string, posterId: string) =>
    reply<Json>(await addToBoard(request(`/api/boards/${id}/posters`, "POST", { posterId }), ctx({ id }))),
  removeFromBoard: async (id: string, posterId: string) =>
    reply<Json>(
      await removeFromBoard(request(`/api/boards/${id}/posters/${posterId}`, "DELETE"), ctx({ id, posterId })),
    ),

  createShare: async (body: object) => reply<Json>(await createShare(request("/api/shares", "POST", body), {})),
  listShares: async (query: string) => reply<Json>(await listShares(request(`/api/shares?${query}`), {})),
  revokeShare: async (token: string) =>
    reply<Json>(await revokeShare(request(`/api/shares/${token}`, "DELETE"), ctx({ token }))),
};
