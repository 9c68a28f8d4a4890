import "server-only";
import { DeleteCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { isConditionFailure } from "./items";
import { keys } from "./table";
import type { TransactItem } from "./transactions";
import { step, transact } from "./transactions";

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

const deleteLink = (key: { pk: string; sk: string }, condition = false): TransactItem => ({
  Delete: {
    TableName: getConfig().table,
    Key: key,
    ...(condition ? { ConditionExpression: "attribute_exists(pk)" } : {}),
  },
});

// Only on a poster that still exists: an update would otherwise create a stray item under its key.
const updatePoster = (id: string, expression: string, values: Record<string, unknown>): TransactItem => ({
  Update: {
    TableName: getConfig().table,
    Key: keys.poster(id),
    UpdateExpression: expression,
    ConditionExpression: "attribute_exists(pk)",
    ExpressionAttributeValues: values,
  },
});

/** The link goes with a change to the poster at its other end; if that poster is gone too, the link goes alone. */
async function dropLink(key: { pk: string; sk: string }, other: TransactItem, linkMustExist: boolean): Promise<void> {
  const result = await transact(`removing version link ${key.sk}`, [
    step("link", deleteLink(key, linkMustExist)),
    step("other poster", other),
  ]);
  // Done, or the link had gone already (someone else removed it): nothing left to do.
  if (result.ok || result.refused.has("link")) return;
  if (!result.refused.has("other poster"))
    throw new Error(`removing version link ${key.sk} was refused: ${result.detail}`);
  await awsClients().dynamo.send(new DeleteCommand({ TableName: getConfig().table, Key: key }));
}

/** Removes a deleted parent's links to its versions; the versions stay, marked as originals of their own now. */
export async function deleteVersionLinksOf(parentId: string): Promise<void> {
  const links = await versionLinks(parentId);
  await Promise.all(
    links.map(({ pk, sk, id }) =>
      dropLink({ pk, sk }, updatePoster(id, "SET parentGone = :gone", { ":gone": true }), false),
    ),
  );
}

/** While a parent is in the trash its versions stand as originals in the gallery (`orphaned` true), and fold under
 * it again once it is restored (false). Its links to them stay in its partition meanwhile, so a restore knows them
 * and a purge removes them. One write per version, only on one that still exists and still names this parent. */
export async function markVersionsOrphaned(parentId: string, orphaned: boolean): Promise<void> {
  const ids = await listVersions(parentId);
  await Promise.all(
    ids.map(async (id) => {
      try {
        await awsClients().dynamo.send(
          new UpdateCommand({
            TableName: getConfig().table,
            Key: keys.poster(id),
            UpdateExpression: orphaned ? "SET parentGone = :gone" : "REMOVE parentGone",
            ConditionExpression: "attribute_exists(pk) AND parentId = :parent",
            ExpressionAttributeValues: { ":parent": parentId, ...(orphaned ? { ":gone": true } : {}) },
          }),
        );
      } catch (error) {
        // A version deleted or trashed meanwhile: nothing to mark.
        if (!isConditionFailure(error)) throw error;
      }
    }),
  );
}
