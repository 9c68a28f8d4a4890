import { handlePublic, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { clientAddress, limitReviewRead, limitReviewWrite } from "@/lib/reviews/limits";
import { reviewRequestSchema } from "@/lib/reviews/schema";
import { listLinkReviews, submitReview } from "@/lib/reviews/service";

// Reviewers have no account: the link's token is the capability. Unknown, revoked and expired links answer 404, a
// link that only shows answers 403, and floods from one link or one address answer 429.

type Context = { params: Promise<{ token: string }> };

/** `{posterId, name, verdict?: "approve" | "changes", comment?, pin?: {x, y}}` → 201 the review. */
export const POST = handlePublic<Context>(async (request, context) => {
  const { token } = await context.params;
  await limitReviewWrite(token, clientAddress(request));
  const input = parseWith(reviewRequestSchema, await readJsonObject(request));
  return Response.json(await submitReview(token, input), { status: 201 });
});

/** That link's reviews, newest first: `{reviews: […]}`. */
export const GET = handlePublic<Context>(async (request, context) => {
  await limitReviewRead(clientAddress(request));
  return Response.json({ reviews: await listLinkReviews((await context.params).token) });
});

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
