import "server-only";
import { getConfig } from "./aws/config";
import { AppError } from "./errors";
import { countRequest } from "./store/limits";

/** The API's per-person requests-per-minute cap: 429 with Retry-After once the minute is full. */
export async function enforceRateLimit(user: string): Promise<void> {
  const wait = await countRequest(user, getConfig().requestsPerMinute);
  if (wait !== undefined) throw new AppError("rate_limited", { retryAfter: wait });
}
