import "server-only";
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { withoutKeys } from "./items";
import { queryListing } from "./listing";
import { keys } from "./table";

// Team members, keyed by their OpenID subject: a row per person who has signed in, kept current at each sign-in.
// `emailVerified` is what the identity provider said at the last sign-in: admin rights by email need it, and API
// tokens (which carry no provider claims) take it from here.

export interface MemberRecord {
  sub: string;
  email: string;
  name: string;
  emailVerified?: boolean;
}

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
  return Item ? withoutKeys<MemberRecord>(Item) : undefined;
}

/** The team as far as it has signed in since members were listed (the gallery's "made by" choices), by name. */
export async function listMembers(limit = 100): Promise<MemberRecord[]> {
  const { items } = await queryListing({ partition: keys.memberListing("").gsi1pk, limit });
  return items.map((item) => withoutKeys<MemberRecord>(item)).sort((a, b) => a.name.localeCompare(b.name));
}
