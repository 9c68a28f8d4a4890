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
  TrashPage,
} from "../api-types";

import type {
  brandKitSchema,
  campaignCreateSchema,
  campaignUpdateSchema,
  deliverablesRequestSchema,
  MarketInput,
  marketImportSchema,
} from "../campaigns/schema";
import type {
  CampaignSummary,
  CampaignView,
  DeliverablesQueued,
  DeliverablesView,
  KitSaved,
  ZipQueued,
} from "../campaigns/types";
import type { commentRequestSchema } from "../comments/schema";
import type { CommentsPage, CommentView, ThreadView } from "../comments/types";
import { type ErrorCode, type FieldErrors, isErrorBody } from "../errors";
import type { JobView } from "../jobs/view-types";
import type { boardUpdateSchema, shareRequestSchema, tokenCreateSchema } from "../library-requests";
import type { DirectoryMember } from "../member-handles";
import type { OperationInput } from "../models";
import type { MarkReadRequest } from "../notifications/schema";
import type { NotificationsPage } from "../notifications/types";
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
    /** The error's whole JSON body, for routes that say more than a sentence and fields (an import's rows). */
    readonly body?: unknown,
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
  // No body: a 204, or a redirect asked to be left unfollowed (`redirect: "manual"`: the file is there).
  if (response.status === 204 || response.type === "opaqueredirect") return undefined;
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body;
  if (isErrorBody(body)) throw new ApiError(body.error.code, body.error.message, body.error.fields, body);
  throw new ApiError("internal", "Something went wrong on our side: try again.");
}

/** One spreadsheet row the import refused: its line in the file, the column, and why. */
export interface ImportRowError {
  line: number;
  field: string;
  message: string;
}

/** A market import's answer; `refused` (the server's sentence) when nothing was imported because rows are wrong. */
export interface MarketImport {
  imported: number;
  /** The first problems (the server reports at most 200); `errorCount` says how many there were in all. */
  errors: ImportRowError[];
  errorCount?: number;
  refused?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** The rows an import's 400 names: `errors: [{line, field, message}]` beside (or inside) the error, or fields keyed
 * "line.field". */
function importRowErrors(error: ApiError): ImportRowError[] {
  const body = isRecord(error.body) ? error.body : {};
  const inner = isRecord(body.error) ? body.error : {};
  const list = Array.isArray(body.errors) ? body.errors : Array.isArray(inner.errors) ? inner.errors : undefined;
  if (list) {
    return list.flatMap((row: unknown) =>
      isRecord(row) && typeof row.line === "number" && typeof row.message === "string"
        ? [{ line: row.line, field: typeof row.field === "string" ? row.field : "", message: row.message }]
        : [],
    );
  }
  return Object.entries(error.fields ?? {}).flatMap(([key, message]) => {
    const [line, ...field] = key.split(".");
    return /^\d+$/.test(line ?? "") ? [{ line: Number(line), field: field.join("."), message }] : [];
  });
}

const campaignPath = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

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
  /** Moves it to the trash (restorable for TRASH_DAYS). */
  deletePoster: (id: string) => callNoContent(`/api/posters/${id}`, { method: "DELETE" }),
  restorePoster: (id: string) => call<PosterView>(`/api/posters/${id}/restore`, { method: "POST" }),
  listTrash: (cursor?: string) => call<TrashPage>(`/api/trash?limit=50${cursor ? `&cursor=${cursor}` : ""}`),
  /** "Delete now": out of the trash, for good. */
  purgePoster: (id: string) => callNoContent(`/api/trash/${id}`, { method: "DELETE" }),

  listBoards: () => call<{ boards: BoardSummary[]; nextCursor: string | null }>("/api/boards?limit=100"),
  createBoard: (name: string) => call<BoardView>("/api/boards", { method: "POST", json: { name } }),
  updateBoard: (id: string, change: Input<typeof boardUpdateSchema>) =>
    call<BoardView>(`/api/boards/${id}`, { method: "PATCH", json: change }),
  deleteBoard: (id: string) => callNoContent(`/api/boards/${id}`, { method: "DELETE" }),
  addToBoard: (id: string, posterId: string) =>
    call<BoardView>(`/api/boards/${id}/posters`, { method: "POST", json: { posterId } }),
  removeFromBoard: (id: string, posterId: string) =>
    call<BoardView>(`/api/boards/${id}/posters/${posterId}`, { method: "DELETE" }),

  /** The team directory: everyone who can be a board's editor or be @mentioned. */
  members: () => call<{ members: DirectoryMember[] }>("/api/members"),
  addBoardEditor: (id: string, memberSub: string) =>
    call<BoardView>(`/api/boards/${id}/editors`, { method: "POST", json: { memberSub } }),
  removeBoardEditor: (id: string, sub: string) =>
    call<BoardView>(`/api/boards/${id}/editors/${encodeURIComponent(sub)}`, { method: "DELETE" }),

  comments: (target: "posterId" | "boardId", id: string, signal?: AbortSignal) =>
    call<CommentsPage>(`/api/comments?${target}=${encodeURIComponent(id)}`, { signal }),
  addComment: (body: Input<typeof commentRequestSchema>) =>
    call<CommentView>("/api/comments", { method: "POST", json: body }),
  resolveThread: (id: string, resolved: boolean) =>
    call<ThreadView>(`/api/comments/${id}`, { method: "PATCH", json: { resolved } }),

  notifications: (query = "", signal?: AbortSignal) =>
    call<NotificationsPage>(`/api/notifications${query}`, { signal }),
  markNotificationsRead: (body: MarkReadRequest) =>
    call<{ unread: number }>("/api/notifications/read", { method: "POST", json: body }),

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

  listCampaigns: () => call<{ campaigns: CampaignSummary[]; nextCursor: string | null }>("/api/campaigns?limit=100"),
  createCampaign: (body: Input<typeof campaignCreateSchema>) =>
    call<CampaignView>("/api/campaigns", { method: "POST", json: body }),
  getCampaign: (id: string) => call<CampaignView>(campaignPath(id)),
  updateCampaign: (id: string, change: Input<typeof campaignUpdateSchema>) =>
    call<CampaignView>(campaignPath(id), { method: "PATCH", json: change }),
  deleteCampaign: (id: string) => callNoContent(campaignPath(id), { method: "DELETE" }),
  /** The whole kit; answers how many made deliverables it puts out of date. */
  saveBrandKit: (id: string, kit: Input<typeof brandKitSchema>) =>
    call<KitSaved>(`${campaignPath(id)}/brand`, { method: "PUT", json: kit }),
  addKeyArt: (id: string, posterId: string) =>
    call<CampaignView>(`${campaignPath(id)}/key-art`, { method: "POST", json: { posterId } }),
  removeKeyArt: (id: string, posterId: string) =>
    call<CampaignView>(`${campaignPath(id)}/key-art/${encodeURIComponent(posterId)}`, { method: "DELETE" }),
  /** A title logo for the kit or a market (an uploaded PNG with transparency): its name, and a URL to show it by. */
  attachCampaignLogo: (id: string, uploadId: string) =>
    call<{ logo: string; width: number; height: number; url: string }>(`${campaignPath(id)}/logo`, {
      method: "POST",
      json: { uploadId },
    }),
  /** The whole list of markets; a refusal's fields are keyed by row ("2.title"). */
  saveMarkets: (id: string, markets: MarketInput[]) =>
    call<CampaignView>(`${campaignPath(id)}/markets`, { method: "PUT", json: markets }),
  /** Imports an uploaded spreadsheet of markets: the count imported and each wrong row, whether or not it was
   * refused (a refusal imports nothing unless `goodRowsOnly`). */
  importMarkets: async (id: string, body: Input<typeof marketImportSchema>): Promise<MarketImport> => {
    try {
      return await call<MarketImport>(`${campaignPath(id)}/markets/import`, { method: "POST", json: body });
    } catch (error) {
      const rows = error instanceof ApiError && error.code === "invalid_input" ? importRowErrors(error) : [];
      if (error instanceof ApiError && rows.length) return { imported: 0, errors: rows, refused: error.message };
      throw error;
    }
  },
  /** A run of the matrix: queued as a job; the matrix (`deliverables`) fills in as it runs. */
  runDeliverables: (id: string, body: Input<typeof deliverablesRequestSchema>) =>
    call<DeliverablesQueued>(`${campaignPath(id)}/deliverables`, { method: "POST", json: body }),
  deliverables: (id: string, signal?: AbortSignal) =>
    call<DeliverablesView>(`${campaignPath(id)}/deliverables`, { signal }),
  /** A job's status, from the `statusUrl` it came with. */
  jobStatus: (statusUrl: string, signal?: AbortSignal) => call<JobView>(statusUrl, { signal }),
  /** The URL to navigate to for a market's ZIP (or every market's) once it is made, or the job making it. */
  deliverablesZip: async (
    id: string,
    market?: string,
  ): Promise<{ ready: true; url: string } | { ready: false; queued: ZipQueued }> => {
    const url = `${campaignPath(id)}/deliverables/zip${market ? `?market=${encodeURIComponent(market)}` : ""}`;
    // Made: a redirect to the file (left unfollowed here; the browser follows it when sent there). Else a 202.
    const queued = await call<ZipQueued | undefined>(url, { redirect: "manual" });
    return queued ? { ready: false, queued } : { ready: true, url };
  },

  createToken: (body: Input<typeof tokenCreateSchema>) =>
    call<ApiToken & { token: string }>("/api/tokens", { method: "POST", json: body }),
  revokeToken: (id: string) => callNoContent(`/api/tokens/${id}`, { method: "DELETE" }),
};
