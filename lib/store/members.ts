import "server-only";
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { parseItem } from "./items";
import { type MemberRecord, memberRecordSchema } from "./records";

export type { MemberRecord } from "./records";

import { queryListing } from "./listing";
import { keys } from "./table";

// Team members, keyed by their OpenID subject: a row per person who has signed in, kept current at each sign-in.
// `emailVerified` is what the identity provider said at the last sign-in: admin rights by email need it, and API
// tokens (which carry no provider claims) take it from here.

export async function upsertMember(member: MemberRecord & { emailVerified: boolean }): Promise<void> {
  const now = new Date().toISOString();
  await awsClients().dynamo.send(
    new UpdateCommand({
      TableName: getConfig().table,
      Key: keys.member(member.sub),
      UpdateExpression:
        "SET #sub = :sub, gsi1pk = :listing, gsi1sk = :sub, email = :email, #name = :name, emailVerified = :verified, lastSignInAt = :now, firstSignInAt = if_not_exists(firstSignInAt, :now)",
      ExpressionAttributeNames: { "#name": "name", "#sub": "sub" },
      ExpressionAttributeValues: {
        ":sub": member.sub,
        ":listing": keys.memberListing(member.sub).gsi1pk,
        ":email": member.email,
        ":name": member.name,
        ":verified": member.emailVerified,
        ":now": now,
      },
    }),
  );
}

export async function getMember(sub: string): Promise<MemberRecord | undefined> {
  const { Item } = await awsClients().dynamo.send(
    new GetCommand({ TableName: getConfig().table, Key: keys.member(sub) }),
  );
  return Item ? parseItem(memberRecordSchema, Item, "member") : undefined;
}

/** The team as far as it has signed in since members were listed (the gallery's "made by" choices), by name. */
export async function listMembers(limit = 100): Promise<MemberRecord[]> {
  const { items } = await queryListing({ partition: keys.memberListing("").gsi1pk, limit });
  return items
    .map((item) => parseItem(memberRecordSchema, item, "member"))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Everyone who has signed in, paging through the listing (a team, not a user base: at most `max`). */
export async function allMembers(max = 2000): Promise<MemberRecord[]> {
  const found: MemberRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryListing({ partition: keys.memberListing("").gsi1pk, limit: 100, cursor });
    found.push(...page.items.map((item) => parseItem(memberRecordSchema, item, "member")));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && found.length < max);
  return found;
}

/** The member who signed in with this address (any case), paging through the whole team. */
export async function findMemberByEmail(email: string): Promise<MemberRecord | undefined> {
  const wanted = email.trim().toLowerCase();
  let cursor: string | undefined;
  do {
    const page = await queryListing({ partition: keys.memberListing("").gsi1pk, limit: 100, cursor });
    for (const item of page.items) {
      const member = parseItem(memberRecordSchema, item, "member");
      if (member.email.toLowerCase() === wanted) return member;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return undefined;
}
