import { GET as boardReviews } from "@/app/api/boards/[id]/reviews/route";
import { PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { GET as allReviews } from "@/app/api/reviews/route";
import { GET as linkReviews, POST as postReview } from "@/app/api/shares/[token]/reviews/route";
import { authed } from "./local-stack";

// Calls for the review tests: reviewers' requests carry no credentials (the link's token is the capability), the
// team's carry alice's API token.

const ORIGIN = "http://studio.test";
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
// biome-ignore lint/suspicious/noExplicitAny: test helper returning loosely typed JSON
type Json = any;

async function reply(response: Response): Promise<{ status: number; body: Json; headers: Headers }> {
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

export const reviewer = {
  post: async (token: string, body: unknown, headers: Record<string, string> = {}) =>
    reply(
      await postReview(
        new Request(`${ORIGIN}/api/shares/${token}/reviews`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "10.0.0.1", ...headers },
          body: typeof body === "string" ? body : JSON.stringify(body),
        }),
        ctx({ token }),
      ),
    ),
  list: async (token: string, address = "10.0.0.1") =>
    reply(
      await linkReviews(
        new Request(`${ORIGIN}/api/shares/${token}/reviews`, { headers: { "x-forwarded-for": address } }),
        ctx({ token }),
      ),
    ),
};

export const team = {
  boardReviews: async (id: string) =>
    reply(await boardReviews(authed(`${ORIGIN}/api/boards/${id}/reviews`), ctx({ id }))),
  reviews: async (query = "") => reply(await allReviews(authed(`${ORIGIN}/api/reviews${query}`), {})),
  saveDesign: async (id: string, design: object) =>
    reply(
      await saveDesign(
        authed(`${ORIGIN}/api/posters/${id}/design`, { method: "PUT", body: JSON.stringify(design) }),
        ctx({ id }),
      ),
    ),
};
