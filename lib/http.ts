import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getSiteUrl } from "./aws/config";
import { networkErrorCode } from "./aws/service-errors";
import { errorFacts } from "./error-facts";
import { AppError, type ErrorBody } from "./errors";
import { authenticate, type Member } from "./identity";
import { fieldErrors } from "./models";
import { enforceRateLimit } from "./rate-limit";
import { strictTransportSecurity } from "./security-headers";
import { timed, withServerTiming } from "./server-timing";

// Route handlers stay thin: parse → call lib → respond. This wrapper gives every request an id and turns every
// failure into the JSON error body; internals go to the log under that id, never to the client.

type Handler<C> = (request: Request, context: C, member: Member) => Promise<Response>;
type RouteHandler<C> = (request: Request, context: C) => Promise<Response>;

export function errorResponse(error: AppError, requestId: string): Response {
  const body: ErrorBody = {
    error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}), requestId },
  };
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (error.retryAfter !== undefined) headers["retry-after"] = String(error.retryAfter);
  return withApiHeaders(Response.json(body, { status: error.status, headers }));
}

// API answers hold signed URLs, spending and personal data: no browser or proxy may keep a copy. HSTS goes on
// whenever the site is served over HTTPS.
function withApiHeaders(response: Response): Response {
  response.headers.set("cache-control", "no-store");
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// A browser sends Origin with every state-changing request: anything but the site's own origin (another site, a
// sandboxed frame's "null", another scheme or port) is a cross-site request forgery attempt. Compared with the
// configured site URL, never with Host or X-Forwarded-Host, which the sender controls. Scripts with an API token
// carry no ambient credentials, so they are exempt.
export function checkOrigin(request: Request, member: Pick<Member, "via">, site?: string): void {
  if (member.via !== "session" || !UNSAFE_METHODS.has(request.method)) return;
  if (request.headers.get("origin") !== (site ?? getSiteUrl())) throw new AppError("bad_origin");
}

/** Every API route goes through here: sign-in (session or token), Origin, rate limit, then the handler. */
function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // Missing sign-in settings: refuse to serve, with a status that says the server, not the request, is at fault.
  if (error instanceof Error && error.message.startsWith("OneSheet sign-in is not configured")) {
    return new AppError("auth_not_configured", { cause: error });
  }
  // S3 or DynamoDB down or failing after the SDK's retries: a 503 the user can retry, not a bug of ours.
  return new AppError(networkErrorCode(error), { cause: error });
}

export interface HandleOptions {
  /** The route counts the request against the per-minute limit in a write of its own (POST /api/posters). */
  countsOwnRequests?: boolean;
}

export function handle<C>(handler: Handler<C>, options: HandleOptions = {}): RouteHandler<C> {
  return (request, context) => withServerTiming(() => answer(handler, options, request, context));
}

async function answer<C>(handler: Handler<C>, options: HandleOptions, request: Request, context: C) {
  const requestId = randomUUID();
  try {
    const member = await timed("auth", () => authenticate(request));
    checkOrigin(request, member);
    if (!options.countsOwnRequests) await timed("rate", () => enforceRateLimit(member.sub));
    const response = await handler(request, context, member);
    response.headers.set("x-request-id", requestId);
    return withApiHeaders(response);
  } catch (error) {
    // The client went away (a cancelled preview or generation): nobody is waiting for an answer or a log line.
    const appError = request.signal.aborted ? new AppError("cancelled", { cause: error }) : toAppError(error);
    // Account setup an admin must fix (IAM, the Marketplace subscription) is logged with AWS's own words too.
    if (appError.status >= 500 || appError.code === "model_access_denied" || appError.code === "model_not_enabled") {
      const cause = appError.cause === undefined ? undefined : errorFacts(appError.cause);
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
}

/**
 * For the few API routes anyone may call without an account, where a share link's token is the capability (a
 * reviewer's POST /api/shares/{token}/reviews). They carry no ambient credentials (no session is read), so forging
 * one from another site gains nothing the token didn't already give; still, a browser's request must come from our own
 * pages: a state-changing request with a foreign `Origin` is refused (scripts send none). Errors are the same JSON.
 */
export function handlePublic<C>(handler: (request: Request, context: C) => Promise<Response>): RouteHandler<C> {
  return async (request, context) => {
    const requestId = randomUUID();
    try {
      const origin = request.headers.get("origin");
      if (UNSAFE_METHODS.has(request.method) && origin !== null && origin !== getSiteUrl()) {
        throw new AppError("bad_origin");
      }
      const response = await handler(request, context);
      response.headers.set("x-request-id", requestId);
      return withApiHeaders(response);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.status >= 500) {
        const cause = appError.cause === undefined ? undefined : errorFacts(appError.cause);
        console.error(JSON.stringify({ level: "error", requestId, code: appError.code, cause: cause?.message }));
      }
      return errorResponse(appError, requestId);
    }
  };
}

// No request of this API needs more; a bigger one is refused before it is parsed.
const MAX_BODY_BYTES = 64 * 1024;

/** The body as text, read chunk by chunk and abandoned past the limit: a huge (or endless) chunked upload costs at
 * most one chunk beyond it, whatever the transfer encoding or a lying content-length. */
async function readLimited(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new AppError("payload_too_large");
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw new AppError("payload_too_large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

// A JSON object (not an array, a string or null), its fields for the route's own schema to check.
const jsonObject = z.record(z.string(), z.unknown());

export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await readLimited(request);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new AppError("invalid_json", { cause });
  }
  const object = jsonObject.safeParse(body);
  if (!object.success) throw new AppError("invalid_json");
  return object.data;
}

/** Any JSON value (a list, for routes that take one), for the route's own schema to check. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await readLimited(request);
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AppError("invalid_json", { cause, message: "The request body must be JSON." });
  }
}

/** For methods a route doesn't implement: Next would answer 405 with an empty body. */
export const methodNotAllowed: RouteHandler<unknown> = async () =>
  errorResponse(new AppError("method_not_allowed"), randomUUID());

type SafeParser<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrors>[0] };
};

/** Validates with a shared schema; failures become invalid_input with one message per field. */
export function parseWith<T>(schema: SafeParser<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("invalid_input", { fields: fieldErrors(result.error) });
  return result.data;
}

/** The site's own origin, for absolute app URLs (share links) in API responses: the configured site URL, never the
 * request's Host header. (The request stays in the signature so routes don't change.) */
export function originOf(_request: Request): string {
  return getSiteUrl();
}
