import "server-only";
import { AppError } from "./errors";
import type { Member } from "./identity";
import { createToken, listTokens, revokeToken, type TokenRecord } from "./store/tokens";

// A member's API tokens as seen by someone: their owner, or an admin (who can list and revoke anyone's, e.g. when a
// person leaves or a token leaks). Nobody else learns even that they exist.

function mayManage(actor: Member, sub: string) {
  if (!actor.isAdmin && actor.sub !== sub)
    throw new AppError("forbidden", { message: "Only the token's owner, or an admin, can see or revoke it." });
}

export async function tokensOf(actor: Member, sub: string): Promise<TokenRecord[]> {
  mayManage(actor, sub);
  return listTokens(sub);
}

export async function revokeTokenOf(actor: Member, sub: string, id: string): Promise<void> {
  mayManage(actor, sub);
  if (!(await revokeToken(sub, id)))
    throw new AppError("not_found", { message: "There is no API token with that id for that member." });
}

/** One's own tokens, expired ones included (never the tokens themselves: those are shown once). */
export const ownTokens = (member: Member): Promise<TokenRecord[]> => listTokens(member.sub);

/** A new token for oneself: only from a signed-in session (a token can't mint tokens); the secret is in this answer
 *  and nowhere else, ever. */
export async function issueToken(member: Member, name: string, expiresInDays?: number) {
  if (member.via !== "session")
    throw new AppError("forbidden", { message: "Create API tokens from the studio, signed in." });
  const { token, record } = await createToken(member, name, { expiresInDays });
  return { token, ...record };
}
