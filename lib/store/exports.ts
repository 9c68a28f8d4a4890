import "server-only";
import { DeleteCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { isConditionFailure, parseItem } from "./items";
import { type ExportRecord, exportRecordSchema, type PrintExportRecord } from "./records";

export type { ExportRecord, ExportStatus, PrintExportRecord } from "./records";

import { keys } from "./table";
import { mustCommit, step, transact } from "./transactions";

// A poster's print exports, each an item in the poster's partition (listed with one Query, like its versions):
//   pk = POSTER#<id>   sk = EXPORT#<createdAt>#<exportId>
// A queued export (the TIFF) is made by a job (lib/print/export-jobs.ts): its status here is what people see.

const table = () => getConfig().table;
const exportKey = (r: Pick<ExportRecord, "posterId" | "createdAt" | "id">) => ({
  pk: keys.poster(r.posterId).pk,
  sk: `EXPORT#${r.createdAt}#${r.id}`,
});
/** Writes a new export, in one write with a check that its poster still exists (false when it has gone). */
export async function putExport(record: ExportRecord): Promise<boolean> {
  const what = `writing export ${record.id}`;
  const result = await transact(what, [
    step("poster", {
      ConditionCheck: {
        TableName: table(),
        Key: keys.poster(record.posterId),
        ConditionExpression: "attribute_exists(pk)",
      },
    }),
    step("export", { Put: { TableName: table(), Item: { ...exportKey(record), ...record } } }),
  ]);
  if (!result.ok && result.refused.has("poster")) return false;
  mustCommit(what, result);
  return true;
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
    for (const item of page.Items ?? []) found.push(parseItem(exportRecordSchema, item, "export"));
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
    | Pick<PrintExportRecord, "key" | "bytes" | "widthPx" | "heightPx" | "effectivePpi" | "crop" | "warnings">
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
