import type * as z from "zod/mini";
import type {
  BoardSummary,
  BoardView,
  ExportView,
  LinkReview,
  PosterPage,
  PosterView,
  ShareView,
  SpendingToday,
} from "../api-types";

import { type ErrorCode, type FieldErrors, isErrorBody } from "../errors";
import type { boardUpdateSchema, shareRequestSchema, tokenCreateSchema } from "../library-requests";
import type { OperationInput } from "../models";
import type { PackRequest } from "../pack/request";
import type { PackJobView, PackQueued } from "../pack/types";
import type { ExportRequestInput } from "../print/export-schema";
import type { UploadRequest, UploadTicket } from "../upload-rules";

/** What a request body may be: the route's own schema's input (defaults may be left out). */
type Input<S extends z.core.$ZodType> = z.input<S>;

// The browser's side of the REST API. Every failure becomes an ApiError carrying the server's plain sentence.

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  /** When it stops working; null: until revoked. */
  expiresAt: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | "network",
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The route's answer, or an ApiError with the server's sentence. */
async function call<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const body = await send(path, init);
  // The one cast at the API's seam: the body is what the route serialised, typed by the view it built (lib/api-types.ts,
  // shared by route and client; the routes' integration tests check the shapes against these types' producers).
  return body as T;
}

/** A request answered with 204 No Content (deletes, revokes). */
async function callNoContent(path: string, init: RequestInit & { json?: unknown } = {}): Promise<void> {
  await send(path, init);
}

async function send(path: string, init: RequestInit & { json?: unknown }): Promise<unknown> {
  const { json, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(path, {
      ...rest,
      ...(json === undefined ? {} : { body: JSON.stringify(json), headers: { "content-type": "application/json" } }),
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError("network", "Can't reach OneSheet: check your connection and try again.");
  }
  if (response.status === 204) return undefined;
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body;
  if (isErrorBody(body)) throw new ApiError(body.error.code, body.error.message, body.error.fields);
  throw new ApiError("internal", "Something went wrong on our side: try again.");
}

export const api = {
  /** A reviewer's verdict or comment on a share link (the link's token is the capability: no session needed). */
  addLinkReview: (token: string, body: Pick<LinkReview, "posterId" | "name" | "verdict" | "comment" | "pin">) =>
    call<LinkReview>(`/api/shares/${token}/reviews`, { method: "POST", json: body }),
  createPoster: (body: Record<string, unknown>, signal?: AbortSignal) =>
    call<PosterView>("/api/posters", { method: "POST", json: body, signal }),
  /** An operation on a source image (the studio's forms validate with operationRequestSchema first). */
  runOperation: (body: OperationInput, signal?: AbortSignal) =>
    call<PosterView>("/api/posters", { method: "POST", json: body, signal }),
  /** A format pack of a key art (see lib/pack): queued as a job; poll `packStatus` with its status URL. */
  makePack: (id: string, body: PackRequest) =>
    call<PackQueued>(`/api/posters/${id}/pack`, { method: "POST", json: body }),
  packStatus: (statusUrl: string, signal?: AbortSignal) => call<PackJobView>(statusUrl, { signal }),
  listPosters: (query: URLSearchParams) => call<PosterPage>(`/api/posters?${query}`),
  getPoster: (id: string) => call<PosterView>(`/api/posters/${encodeURIComponent(id)}`),
  setFavorite: (id: string, favorite: boolean) =>
    call<PosterView>(`/api/posters/${id}`, { method: "PATCH", json: { favorite } }),
  deletePoster: (id: string) => callNoContent(`/api/posters/${id}`, { method: "DELETE" }),

  listBoards: () => call<{ boards: BoardSummary[]; nextCursor: string | null }>("/api/boards?limit=100"),
  createBoard: (name: string) => call<BoardView>("/api/boards", { method: "POST", json: { name } }),
  updateBoard: (id: string, change: Input<typeof boardUpdateSchema>) =>
    call<BoardView>(`/api/boards/${id}`, { method: "PATCH", json: change }),
  deleteBoard: (id: string) => callNoContent(`/api/boards/${id}`, { method: "DELETE" }),
  addToBoard: (id: string, posterId: string) =>
    call<BoardView>(`/api/boards/${id}/posters`, { method: "POST", json: { posterId } }),
  removeFromBoard: (id: string, posterId: string) =>
    call<BoardView>(`/api/boards/${id}/posters/${posterId}`, { method: "DELETE" }),

  listShares: (target: "posterId" | "boardId", id: string) =>
    call<{ shares: ShareView[] }>(`/api/shares?${target}=${encodeURIComponent(id)}`),
  createShare: (body: Input<typeof shareRequestSchema>) =>
    call<ShareView>("/api/shares", { method: "POST", json: body }),
  revokeShare: (token: string) => callNoContent(`/api/shares/${token}`, { method: "DELETE" }),

  saveDesign: (id: string, design: unknown) =>
    call<{ poster: PosterView; warnings: string[] }>(`/api/posters/${id}/design`, { method: "PUT", json: design }),
  removeDesign: (id: string) => callNoContent(`/api/posters/${id}/design`, { method: "DELETE" }),
  attachLogo: (id: string, uploadId: string) =>
    call<{ logo: string; width: number; height: number }>(`/api/posters/${id}/design/logo`, {
      method: "POST",
      json: { uploadId },
    }),

  spendingToday: () => call<SpendingToday>("/api/spending/today"),

  exportPoster: (id: string, body: ExportRequestInput) =>
    call<ExportView>(`/api/posters/${id}/exports`, { method: "POST", json: body }),
  /** An export's status, from the `statusUrl` it came with. */
  exportStatus: (statusUrl: string) => call<ExportView>(statusUrl),

  createUpload: (body: UploadRequest, signal?: AbortSignal) =>
    call<UploadTicket>("/api/uploads", { method: "POST", json: body, signal }),

  createToken: (body: Input<typeof tokenCreateSchema>) =>
    call<ApiToken & { token: string }>("/api/tokens", { method: "POST", json: body }),
  revokeToken: (id: string) => callNoContent(`/api/tokens/${id}`, { method: "DELETE" }),
};
