import "server-only";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { keys } from "./table";

// Team members, keyed by their OpenID subject: a row per person who has signed in, kept current at each sign-in.
export async function upsertMember(member: { sub: string; email: string; name: string }): Promise<void> {
  const now = new Date().toISOString();
  await awsClients().dynamo.send(
    new UpdateCommand({
      TableName: getConfig().table,
      Key: keys.member(member.sub),
      UpdateExpression:
        "SET email = :email, #name = :name, lastSignInAt = :now, firstSignInAt = if_not_exists(firstSignInAt, :now)",
      ExpressionAttributeNames: { "#name": "name" },
      ExpressionAttributeValues: { ":email": member.email, ":name": member.name, ":now": now },
    }),
  );
}
