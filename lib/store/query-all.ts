import "server-only";
import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";

/** Every item a query finds, page after page (DynamoDB answers at most 1 MB a page): for sweeps and purges, which
 * must see all of a partition or a listing, not the first page of it. */
export async function queryAll(
  input: Omit<QueryCommandInput, "ExclusiveStartKey">,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await awsClients().dynamo.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
