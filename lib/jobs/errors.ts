import { AppError } from "../errors";

// Which failures inside a job are worth another attempt: a service or our storage failing, not the request.
const TRANSIENT = new Set(["unavailable", "throttled", "timeout", "internal"]);

export const isTransient = (error: unknown) => !(error instanceof AppError) || TRANSIENT.has(error.code);
