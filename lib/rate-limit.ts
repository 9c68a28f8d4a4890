import "server-only";
import { getConfig } from "./aws/config";
import { AppError } from "./errors";
import { requestUser } from "./identity";
import { countRequest } from "./store/limits";

/** The API's per-person requests-per-minute cap: 429 with Retry-After once the minute is full. */
export async function enforceRateLimit(request: Request): Promise<void> {
  const wait = await countRequest(requestUser(request), getConfig().requestsPerMinute);
  if (wait !== undefined) throw new AppError("rate_limited", { retryAfter: wait });
}
