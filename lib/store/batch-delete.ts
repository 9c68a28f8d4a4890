import "server-only";
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";

type Key = { pk: unknown; sk: unknown };

/** Deletes items by key, 25 to a request. Deleting an item that is already gone is no error, so a purge cut off
 * half-way simply runs again. `what` names the work in the error if DynamoDB keeps handing items back. */
export async function deleteItems(keys: readonly Key[], what: string): Promise<void> {
  const table = getConfig().table;
  for (let i = 0; i < keys.length; i += 25) {
    let requests: { DeleteRequest: { Key: Record<string, unknown> } }[] = keys
      .slice(i, i + 25)
      .map((key) => ({ DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } }));
    // BatchWrite may hand part of a batch back under load: send those again.
    for (let attempt = 0; requests.length > 0 && attempt < 8; attempt++) {
      const result = await awsClients().dynamo.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
      requests = (result.UnprocessedItems?.[table] ?? []).flatMap((r) =>
        r.DeleteRequest?.Key ? [{ DeleteRequest: { Key: r.DeleteRequest.Key } }] : [],
      );
      if (requests.length) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
    if (requests.length) throw new Error(`${what}: ${requests.length} items left`);
  }
}
