import "server-only";
import { DeleteCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import type { ExportFormat } from "../print/export-schema";
import type { SizeChoice } from "../print/sizes";
import { isConditionFailure, withoutKeys } from "./items";
import { keys } from "./table";
import { transactWrite } from "./transactions";

// A poster's print exports, each an item in the poster's partition (listed with one Query, like its versions):
//   pk = POSTER#<id>   sk = EXPORT#<createdAt>#<exportId>
// A queued export (the TIFF) is made by a job (lib/print/export-jobs.ts): its status here is what people see.

export type ExportStatus = "queued" | "running" | "ready" | "failed";

export interface ExportRecord {
  id: string;
  posterId: string;
  format: ExportFormat;
  size: SizeChoice;
  sizeLabel: string;
  bleedIn: number;
  /** TIFF: pixels per inch asked for (absent: the art's own). */
  ppi?: number;
  status: ExportStatus;
  /** The file, once ready: an S3 key beside the poster (signed at read time). */
  key?: string;
  bytes?: number;
  widthPx?: number;
  heightPx?: number;
  effectivePpi?: number;
  /** The part of the art placed (in its pixels): the rest was cropped to fill trim + bleed without stretching. */
  crop?: { left: number; top: number; width: number; height: number };
  warnings?: string[];
  /** Why a job failed, in a sentence for the user. */
  error?: string;
  createdAt: string;
  createdBy: string;
  createdByName?: string;
  /** When a worker started on it. */
  claimedAt?: string;
}

const table = () => getConfig().table;
const exportKey = (r: Pick<ExportRecord, "posterId" | "createdAt" | "id">) => ({
  pk: keys.poster(r.posterId).pk,
  sk: `EXPORT#${r.createdAt}#${r.id}`,
});
/** Writes a new export, in one write with a check that its poster still exists (false when it has gone). */
export async function putExport(record: ExportRecord): Promise<boolean> {
  const codes = await transactWrite([
    {
      ConditionCheck: {
        TableName: table(),
        Key: keys.poster(record.posterId),
        ConditionExpression: "attribute_exists(pk)",
      },
    },
    {
      Put: {
        TableName: table(),
        Item: { ...exportKey(record), ...record },
      },
    },
  ]);
  if (!codes) return true;
  if (codes[0] === "ConditionalCheckFailed") return false;
  throw new Error(`writing export ${record.id} was refused: ${codes}`);
}

export async function listExports(posterId: string): Promise<ExportRecord[]> {
  const found: ExportRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await awsClients().dynamo.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :export)",
        ExpressionAttributeValues: { ":pk": keys.poster(posterId).pk, ":export": "EXPORT#" },
        ExclusiveStartKey: start,
        ScanIndexForward: false,
      }),
    );
    for (const item of page.Items ?? []) found.push(withoutKeys<ExportRecord>(item));
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
}

export async function getExport(posterId: string, exportId: string): Promise<ExportRecord | undefined> {
  return (await listExports(posterId)).find((e) => e.id === exportId);
}

export async function deleteExport(record: Pick<ExportRecord, "posterId" | "createdAt" | "id">): Promise<void> {
  await awsClients().dynamo.send(new DeleteCommand({ TableName: table(), Key: exportKey(record) }));
}

/** Shows that a worker has started on it. */
export async function markExportRunning(record: ExportRecord): Promise<void> {
  try {
    await awsClients().dynamo.send(
      new UpdateCommand({
        TableName: table(),
        Key: exportKey(record),
        UpdateExpression: "SET #status = :running, claimedAt = :now",
        ConditionExpression: "attribute_exists(pk) AND #status IN (:queued, :running)",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":running": "running", ":queued": "queued", ":now": new Date().toISOString() },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** Ends an export: ready with its file, or failed with a reason. False if the export is gone. */
export async function finishExport(
  record: ExportRecord,
  result:
    | Pick<ExportRecord, "key" | "bytes" | "widthPx" | "heightPx" | "effectivePpi" | "crop" | "warnings">
    | { error: string },
): Promise<boolean> {
  const fields: Record<string, unknown> = { status: "error" in result ? "failed" : "ready", ...result };
  const present = Object.entries(fields).filter(([, value]) => value !== undefined);
  try {
    await awsClients().dynamo.send(
      new UpdateCommand({
        TableName: table(),
        Key: exportKey(record),
        UpdateExpression: `SET ${present.map(([name]) => `#${name} = :${name}`).join(", ")}`,
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: Object.fromEntries(present.map(([name]) => [`#${name}`, name])),
        ExpressionAttributeValues: Object.fromEntries(present.map(([name, value]) => [`:${name}`, value])),
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Removes a deleted poster's exports from the table; returns their files' keys, for the caller to delete. */
export async function deleteExportsOf(posterId: string): Promise<string[]> {
  const exports = await listExports(posterId);
  await Promise.all(exports.map(deleteExport));
  return exports.flatMap((e) => (e.key ? [e.key] : []));
}
