// Typed errors shared by the server (route handlers, pipeline) and the browser (API client).
// Each code has one HTTP status and one plain sentence a marketing person can act on.
// Internals (AWS messages, stacks) never go into `message`: they are logged with the request id.

export const ERROR_CATALOGUE = {
  invalid_input: { status: 400, message: "Some settings need fixing: see the highlighted fields." },
  invalid_json: { status: 400, message: "The request body must be a JSON object." },
  payload_too_large: { status: 413, message: "That request is too large: keep it under 64 KB." },
  invalid_cursor: { status: 400, message: "That page cursor isn't valid: start again from the first page." },
  prompt_filtered: {
    status: 422,
    message: "The content filter blocked this prompt: rephrase it and try again.",
  },
  output_filtered: {
    status: 422,
    message: "The content filter blocked the image the model made: try another seed or rephrase the prompt.",
  },
  input_filtered: {
    status: 422,
    message: "The content filter blocked the image you gave the model: try a different image.",
  },
  generation_failed: {
    status: 502,
    message: "The model couldn't make this image: try again, or try another seed.",
  },
  model_access_denied: {
    status: 403,
    message:
      "OneSheet's AWS role isn't allowed to call this model: an admin needs to grant it bedrock:InvokeModel on the model in IAM.",
  },
  model_not_enabled: {
    status: 403,
    message:
      "This model hasn't been enabled for the account yet: an admin needs to run it once with AWS Marketplace permissions (see the README's deploy section), then try again in a few minutes.",
  },
  model_unavailable: {
    status: 404,
    message: "This model isn't available in the configured AWS region: pick another model.",
  },
  model_retired: { status: 410, message: "AWS has retired this model: pick another model." },
  throttled: { status: 429, message: "Bedrock is busy right now: wait a few seconds and try again." },
  too_many_in_flight: {
    status: 429,
    message: "You already have the most generations running at once: wait for one to finish.",
  },
  rate_limited: { status: 429, message: "Too many requests in the last minute: wait a moment and try again." },
  budget_exceeded: { status: 402, message: "Today's budget is spent: it resets at midnight UTC." },
  timeout: { status: 504, message: "The model took too long to answer: try again." },
  unavailable: { status: 503, message: "The image service is unavailable right now: try again in a minute." },
  not_found: { status: 404, message: "There is no poster with that id." },
  upload_not_found: { status: 404, message: "There is no upload of yours with that id: upload the image again." },
  image_invalid: {
    status: 400,
    message: "That image can't be used: upload a PNG, JPEG or WebP within the operation's size limits.",
  },
  upload_failed: { status: 502, message: "The image couldn't be uploaded to storage: try again." },
  board_not_found: { status: 404, message: "There is no board with that id." },
  share_not_found: { status: 404, message: "There is no live share link with that token." },
  review_not_allowed: {
    status: 403,
    message: "This link doesn't take reviews: ask whoever shared it for a review link.",
  },
  poster_not_on_link: { status: 404, message: "That poster isn't on this link." },
  token_limit: { status: 409, message: "You have the most API tokens allowed: revoke one you no longer use first." },
  conflict: { status: 409, message: "This board changed while you were editing it: reload and try again." },
  trash_conflict: {
    status: 409,
    message: "This poster was moved in or out of the trash at the same moment elsewhere: reload and try again.",
  },
  campaign_not_found: { status: 404, message: "There is no campaign with that id." },
  comment_not_found: { status: 404, message: "There is no comment with that id." },
  brand_locked: {
    status: 409,
    message: "The campaign's brand kit locks this setting: change it in the kit, or ask whoever made the campaign.",
  },
  matrix_too_large: {
    status: 400,
    message: "That is more deliverables than one run makes: pick fewer markets or placements.",
  },
  board_full: { status: 409, message: "This board is full: make another board for the rest." },
  editor_limit: {
    status: 409,
    message: "This board has the most editors it can have: take someone off before adding another.",
  },
  job_failed: { status: 500, message: "The job couldn't be finished: try again." },
  route_not_found: { status: 404, message: "There is no such API route." },
  method_not_allowed: { status: 405, message: "This API route doesn't accept that method." },
  cancelled: { status: 499, message: "The request was cancelled." },
  unauthenticated: { status: 401, message: "Sign in to use OneSheet, or send a valid API token." },
  forbidden: { status: 403, message: "Only the person who made this, or an admin, can do that." },
  bad_origin: { status: 403, message: "This request came from another site, so it was refused." },
  auth_not_configured: {
    status: 503,
    message: "Sign-in isn't configured on this server, so it won't serve the studio: an admin needs to set it up.",
  },
  internal: {
    status: 500,
    message: "Something went wrong on our side: try again, and quote the request id if it persists.",
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Per-field messages, keyed by the request field's name (same keys as the form). */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: FieldErrors;

  /** Seconds the client should wait before trying again (429s). */
  readonly retryAfter?: number;

  constructor(
    code: ErrorCode,
    options: { fields?: FieldErrors; cause?: unknown; message?: string; retryAfter?: number } = {},
  ) {
    super(options.message ?? ERROR_CATALOGUE[code].message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
  }
}

/** The JSON body of every API error. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldErrors; requestId?: string };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const { error } = value;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}
