import type { PosterView } from "../api-types";
import { type ErrorCode, type FieldErrors, isErrorBody } from "../errors";

// The browser's side of the REST API. Every failure becomes an ApiError carrying the server's plain sentence.

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

export async function createPoster(body: Record<string, unknown>, signal?: AbortSignal): Promise<PosterView> {
  let response: Response;
  try {
    response = await fetch("/api/posters", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError("network", "Can't reach OneSheet: check your connection and try again.");
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return json as PosterView;
  if (isErrorBody(json)) throw new ApiError(json.error.code, json.error.message, json.error.fields);
  throw new ApiError("internal", "Something went wrong on our side: try again.");
}
