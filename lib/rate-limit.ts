import "server-only";
import { getConfig } from "./aws/config";
import { AppError } from "./errors";
import { countRequest, countWork } from "./store/limits";

/** The API's per-person requests-per-minute cap: 429 with Retry-After once the minute is full. */
export async function enforceRateLimit(user: string): Promise<void> {
  const wait = await countRequest(user, getConfig().requestsPerMinute);
  if (wait !== undefined) throw new AppError("rate_limited", { retryAfter: wait });
}

/** Design renders (preview and save) cost real CPU (~0.1 s each): a per-person budget of their own, well under the
 * request cap, so one busy editor or script can't starve everyone else. 429 with Retry-After once it is spent. */
export async function enforceRenderBudget(user: string): Promise<void> {
  const wait = await countWork(user, "render", getConfig().rendersPerMinute);
  if (wait !== undefined) {
    throw new AppError("rate_limited", {
      retryAfter: wait,
      message: "Too many design renders in the last minute: wait a moment and try again.",
    });
  }
}
