import "server-only";
import { randomUUID } from "node:crypto";
import { AppError, type ErrorBody } from "./errors";
import { fieldErrors } from "./models";
import { enforceRateLimit } from "./rate-limit";

// Route handlers stay thin: parse → call lib → respond. This wrapper gives every request an id and turns every
// failure into the JSON error body; internals go to the log under that id, never to the client.

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export function errorResponse(error: AppError, requestId: string): Response {
  const body: ErrorBody = {
    error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}), requestId },
  };
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (error.retryAfter !== undefined) headers["retry-after"] = String(error.retryAfter);
  return Response.json(body, { status: error.status, headers });
}

export function handle<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const requestId = randomUUID();
    try {
      await enforceRateLimit(request);
      const response = await handler(request, context);
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError("internal", { cause: error });
      if (appError.status >= 500 || appError.code === "model_access_denied") {
        const cause = appError.cause as { name?: string; message?: string; stack?: string } | undefined;
        console.error(
          JSON.stringify({
            level: "error",
            requestId,
            method: request.method,
            path: new URL(request.url).pathname,
            code: appError.code,
            cause: cause ? { name: cause.name, message: cause.message, stack: cause.stack } : undefined,
          }),
        );
      }
      return errorResponse(appError, requestId);
    }
  };
}

export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch (cause) {
    throw new AppError("invalid_json", { cause });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("invalid_json");
  return body as Record<string, unknown>;
}

/** For methods a route doesn't implement: Next would answer 405 with an empty body. */
export const methodNotAllowed = handle(async () => {
  throw new AppError("method_not_allowed");
});

type SafeParser<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrors>[0] };
};

/** Validates with a shared schema; failures become invalid_input with one message per field. */
export function parseWith<T>(schema: SafeParser<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("invalid_input", { fields: fieldErrors(result.error) });
  return result.data;
}

/** The site's own origin, for absolute app URLs (share links) in API responses. */
export function originOf(request: Request): string {
  return new URL(request.url).origin;
}
