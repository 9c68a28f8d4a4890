import "server-only";
import { DeleteCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import type { PosterRecord } from "./posters";
import { keys } from "./table";

// Lineage: a derived poster's link in its parent's partition (written with the poster, see newPosterItems), so a
// poster lists its versions with one Query however large the library grows.

/** A poster's links to the posters made from it, oldest first. */
async function versionLinks(parentId: string): Promise<{ pk: string; sk: string; id: string }[]> {
  const links: { pk: string; sk: string; id: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await awsClients().dynamo.send(
      new QueryCommand({
        TableName: getConfig().table,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :version)",
        ExpressionAttributeValues: { ":pk": keys.poster(parentId).pk, ":version": "VERSION#" },
        ProjectionExpression: "pk, sk, id",
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) links.push({ pk: String(item.pk), sk: String(item.sk), id: String(item.id) });
    start = page.LastEvaluatedKey;
  } while (start);
  return links;
}

/** Ids of the posters made from this one, oldest first. */
export async function listVersions(parentId: string): Promise<string[]> {
  return (await versionLinks(parentId)).map((link) => link.id);
}

/** Removes a deleted parent's links to its versions (the versions themselves stay: posters of their own). */
export async function deleteVersionLinksOf(parentId: string): Promise<void> {
  const links = await versionLinks(parentId);
  await Promise.all(
    links.map(({ pk, sk }) =>
      awsClients().dynamo.send(new DeleteCommand({ TableName: getConfig().table, Key: { pk, sk } })),
    ),
  );
}

/** Removes a deleted poster's link from its parent's versions (the parent and its other versions stay). */
export async function deleteVersionLink(record: PosterRecord): Promise<void> {
  if (!record.parentId) return;
  await awsClients().dynamo.send(
    new DeleteCommand({
      TableName: getConfig().table,
      Key: keys.posterVersion(record.parentId, record.createdAt, record.id),
    }),
  );
}
