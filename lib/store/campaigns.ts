import "server-only";
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandOutput,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import {
  type ArtRecord,
  artRecordSchema,
  type CampaignRecord,
  type CellRecord,
  campaignRecordSchema,
  cellRecordSchema,
  type ZipRecord,
  zipRecordSchema,
} from "./campaign-records";
import { isConditionFailure, parseItem } from "./items";
import { queryListing } from "./listing";
import { keys, TABLE_KEYS } from "./table";

export type { ArtRecord, CampaignRecord, CellRecord, Market, ZipRecord } from "./campaign-records";

// Campaigns in DynamoDB: the campaign (its kit, markets and key art) on one item, changed only as a whole and only
// from the version it was read at (so two people editing never lose each other's change silently); under the same
// partition its deliverables (a cell per market × placement), the placements' art and the ZIPs made of them, so a
// campaign's matrix is one Query and deleting a campaign finds everything it owns. Persistence only: who may change
// what is lib/campaigns/service.ts's.

const table = () => getConfig().table;
const dynamo = () => awsClients().dynamo;

export async function putNewCampaign(campaign: CampaignRecord): Promise<void> {
  const item = campaignRecordSchema.parse(campaign);
  await dynamo().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.campaign(item.id), ...keys.campaignListing(item.createdAt, item.id), ...item },
      ConditionExpression: `attribute_not_exists(${TABLE_KEYS.partitionKey})`,
    }),
  );
}

export async function getCampaign(id: string): Promise<CampaignRecord | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: keys.campaign(id) }));
  return Item ? parseItem(campaignRecordSchema, Item, "campaign") : undefined;
}

/** Writes the campaign as changed from `fromVersion`; false when someone changed (or deleted) it meanwhile. */
export async function replaceCampaign(campaign: CampaignRecord, fromVersion: number): Promise<boolean> {
  const item = campaignRecordSchema.parse(campaign);
  try {
    await dynamo().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.campaign(item.id), ...keys.campaignListing(item.createdAt, item.id), ...item },
        ConditionExpression: `attribute_exists(${TABLE_KEYS.partitionKey}) AND version = :from`,
        ExpressionAttributeValues: { ":from": fromVersion },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function listCampaigns(options: { limit: number; cursor?: string }) {
  const { items, nextCursor } = await queryListing({ partition: keys.campaignListing("", "").gsi1pk, ...options });
  return { campaigns: items.map((item) => parseItem(campaignRecordSchema, item, "campaign")), nextCursor };
}

/** Every item under the campaign's partition whose sort key starts with `prefix`. */
async function under(id: string, prefix: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: QueryCommandOutput["LastEvaluatedKey"];
  do {
    const page: QueryCommandOutput = await dynamo().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues: { ":pk": keys.campaign(id).pk, ":prefix": prefix },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Deletes the campaign and everything under it (its cells, arts and ZIP records); the posters stay. */
export async function deleteCampaignItems(id: string): Promise<void> {
  const owned = await under(id, "");
  for (let i = 0; i < owned.length; i += 25) {
    let requests: { DeleteRequest: { Key: Record<string, unknown> } }[] = owned
      .slice(i, i + 25)
      .map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } }));
    // BatchWrite may hand part of a batch back under load: send those again.
    for (let attempt = 0; requests.length > 0 && attempt < 8; attempt++) {
      const result = await dynamo().send(new BatchWriteCommand({ RequestItems: { [table()]: requests } }));
      requests = (result.UnprocessedItems?.[table()] ?? []).flatMap((r) =>
        r.DeleteRequest?.Key ? [{ DeleteRequest: { Key: r.DeleteRequest.Key } }] : [],
      );
      if (requests.length) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
    if (requests.length) throw new Error(`deleting campaign ${id}: ${requests.length} items left`);
  }
}

export async function campaignCells(id: string): Promise<CellRecord[]> {
  return (await under(id, "CELL#")).map((item) => parseItem(cellRecordSchema, item, "campaign cell"));
}

export async function campaignArts(id: string): Promise<ArtRecord[]> {
  return (await under(id, "ART#")).map((item) => parseItem(artRecordSchema, item, "placement art"));
}

/** Marks cells as asked for by a run (queued), keeping what each was last made from and its poster. */
export async function queueCells(
  cells: readonly Pick<CellRecord, "campaignId" | "market" | "placement" | "keyArtId" | "runId" | "runAt">[],
): Promise<void> {
  const now = new Date().toISOString();
  // One update per cell (not a batch put): a cell's last poster and hash stay until it is made again.
  const lanes = 8;
  for (let i = 0; i < cells.length; i += lanes) {
    await Promise.all(
      cells.slice(i, i + lanes).map((cell) =>
        dynamo()
          .send(
            new UpdateCommand({
              TableName: table(),
              Key: keys.campaignCell(cell.campaignId, cell.market, cell.placement),
              UpdateExpression:
                "SET campaignId = :c, market = :m, placement = :p, keyArtId = :k, runId = :r, runAt = :at, #status = :queued, updatedAt = :now REMOVE #error",
              // A run that finished (or was asked for) later than this one keeps the cell.
              ConditionExpression: "attribute_not_exists(runAt) OR runAt <= :at",
              ExpressionAttributeNames: { "#status": "status", "#error": "error" },
              ExpressionAttributeValues: {
                ":c": cell.campaignId,
                ":m": cell.market,
                ":p": cell.placement,
                ":k": cell.keyArtId,
                ":r": cell.runId,
                ":at": cell.runAt,
                ":queued": "queued",
                ":now": now,
              },
            }),
          )
          .catch((error) => {
            if (!isConditionFailure(error)) throw error;
          }),
      ),
    );
  }
}

/** A cell's outcome, written only by the newest run that asked for it (a newer run's cell is left to that run). */
export async function finishCell(cell: CellRecord): Promise<boolean> {
  const item = cellRecordSchema.parse(cell);
  try {
    await dynamo().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.campaignCell(item.campaignId, item.market, item.placement), ...item },
        ConditionExpression: `attribute_not_exists(${TABLE_KEYS.partitionKey}) OR runAt <= :at`,
        ExpressionAttributeValues: { ":at": item.runAt },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function getArt(id: string, keyArtId: string, placement: string): Promise<ArtRecord | undefined> {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: keys.campaignArt(id, keyArtId, placement) }),
  );
  return Item ? parseItem(artRecordSchema, Item, "placement art") : undefined;
}

export async function putArt(art: ArtRecord): Promise<void> {
  const item = artRecordSchema.parse(art);
  await dynamo().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.campaignArt(item.campaignId, item.keyArtId, item.placement), ...item },
    }),
  );
}

export async function getZip(id: string, digest: string): Promise<ZipRecord | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: keys.campaignZip(id, digest) }));
  return Item ? parseItem(zipRecordSchema, Item, "campaign zip") : undefined;
}

/** The first asker's ZIP record wins: false when one exists already (its job makes it). */
export async function putNewZip(zip: ZipRecord): Promise<boolean> {
  const item = zipRecordSchema.parse(zip);
  try {
    await dynamo().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.campaignZip(item.campaignId, item.digest), ...item },
        ConditionExpression: `attribute_not_exists(${TABLE_KEYS.partitionKey})`,
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function putZip(zip: ZipRecord): Promise<void> {
  const item = zipRecordSchema.parse(zip);
  await dynamo().send(
    new PutCommand({ TableName: table(), Item: { ...keys.campaignZip(item.campaignId, item.digest), ...item } }),
  );
}

export async function dropZip(id: string, digest: string): Promise<void> {
  await dynamo().send(new DeleteCommand({ TableName: table(), Key: keys.campaignZip(id, digest) }));
}
