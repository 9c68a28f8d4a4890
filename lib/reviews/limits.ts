import "server-only";
import { AppError } from "../errors";
import { countWork } from "../store/limits";

// Reviewers have no account, so their requests are counted per link and per client address, in DynamoDB like the
// team's limits (so they hold across Lambdas). A flood on one link can't drown the others, and one address can't
// flood every link it knows.

export const REVIEW_WRITES_PER_LINK = 60;
export const REVIEW_WRITES_PER_ADDRESS = 20;
export const REVIEW_READS_PER_ADDRESS = 120;

/** The client's address as our own proxy (CloudFront, or Next's server offline) saw it: the last hop it appended to
 * X-Forwarded-For. Earlier entries are whatever the client claimed, so they are never used. */
export function clientAddress(request: Request): string {
  const hops = (request.headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim());
  return hops.filter(Boolean).at(-1) ?? request.headers.get("x-real-ip") ?? "unknown";
}

async function spend(who: string, work: string, perMinute: number) {
  const wait = await countWork(who, work, perMinute);
  if (wait !== undefined) {
    throw new AppError("rate_limited", {
      retryAfter: wait,
      message: "Too many reviews from here in the last minute: wait a moment and try again.",
    });
  }
}

export async function limitReviewWrite(token: string, address: string): Promise<void> {
  await spend(`address:${address}`, "review", REVIEW_WRITES_PER_ADDRESS);
  await spend(`link:${token}`, "review", REVIEW_WRITES_PER_LINK);
}

export async function limitReviewRead(address: string): Promise<void> {
  await spend(`address:${address}`, "review-read", REVIEW_READS_PER_ADDRESS);
}
