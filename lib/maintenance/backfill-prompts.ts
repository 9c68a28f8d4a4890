import "server-only";
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { isConditionFailure } from "../store/items";
import { SEARCH_ATTRIBUTE, searchText } from "../store/poster-filter";
import { keys, TABLE_KEYS } from "../store/table";
import { planPromptBackfill, type WordsChange } from "./prompt-backfill-plan";

// The one-off backfill of developed posters' prompts (see prompt-backfill-plan.ts for what it decides): reads every
// poster, writes each change conditioned on the poster still holding the words it was planned from, then records that
// it ran. Run again, it answers from that record without touching anything (`force` runs it anyway: the plan is a
// fixed point, so that changes nothing either). `npm run backfill` runs it (local/backfill.ts).

export const BACKFILL_PROMPTS = "backfill-prompts";

const wordsItem = z.object({
  id: z.string(),
  prompt: z.string().default(""),
  negativePrompt: z.string().optional(),
  operation: z.string().optional(),
  parentId: z.string().optional(),
  inputs: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

const runRecord = z.object({ ranAt: z.string(), scanned: z.number(), changed: z.number(), skipped: z.number() });
export type BackfillRun = z.infer<typeof runRecord>;

export type BackfillResult = ({ status: "done" } | { status: "already-ran" }) & BackfillRun;

const [index] = TABLE_KEYS.indexes;

/** Every poster's words, newest first (the listing partition holds exactly the posters' items). */
async function readPosterWords() {
  const posters: z.infer<typeof wordsItem>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await awsClients().dynamo.send(
      new QueryCommand({
        TableName: getConfig().table,
        IndexName: index.name,
        KeyConditionExpression: "#listing = :listing",
        ExpressionAttributeNames: {
          "#listing": index.partitionKey,
          "#id": "id",
          "#prompt": "prompt",
          "#negative": "negativePrompt",
          "#operation": "operation",
          "#parent": "parentId",
          "#inputs": "inputs",
        },
        ExpressionAttributeValues: { ":listing": keys.posterListing("", "").gsi1pk },
        ProjectionExpression: "#id, #prompt, #negative, #operation, #parent, #inputs",
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const parsed = wordsItem.safeParse(item);
      if (parsed.success) posters.push(parsed.data);
      else console.error(JSON.stringify({ msg: "backfill: unreadable poster item", id: item.id }));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return posters;
}

/** One change, only while the poster still exists and holds the words it was planned from. */
async function apply(change: WordsChange): Promise<boolean> {
  const { before } = change;
  try {
    await awsClients().dynamo.send(
      new UpdateCommand({
        TableName: getConfig().table,
        Key: keys.poster(change.id),
        UpdateExpression: `SET #prompt = :prompt, #search = :search, #inputs = :inputs${
          change.negativePrompt ? ", #negative = :negative" : " REMOVE #negative"
        }`,
        ConditionExpression: `attribute_exists(${TABLE_KEYS.partitionKey}) AND #prompt = :before AND ${
          before.negativePrompt ? "#negative = :beforeNegative" : "attribute_not_exists(#negative)"
        }`,
        ExpressionAttributeNames: {
          "#prompt": "prompt",
          "#search": SEARCH_ATTRIBUTE,
          "#inputs": "inputs",
          "#negative": "negativePrompt",
        },
        ExpressionAttributeValues: {
          ":prompt": change.prompt,
          ":search": searchText(change.prompt),
          ":inputs": change.inputs,
          ":before": before.prompt,
          ...(change.negativePrompt ? { ":negative": change.negativePrompt } : {}),
          ...(before.negativePrompt ? { ":beforeNegative": before.negativePrompt } : {}),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

async function lastRun(): Promise<BackfillRun | undefined> {
  const { Item } = await awsClients().dynamo.send(
    new GetCommand({ TableName: getConfig().table, Key: keys.maintenance(BACKFILL_PROMPTS) }),
  );
  const parsed = runRecord.safeParse(Item);
  return parsed.success ? parsed.data : undefined;
}

export async function backfillPrompts(options: { force?: boolean } = {}): Promise<BackfillResult> {
  const previous = options.force ? undefined : await lastRun();
  if (previous) return { status: "already-ran", ...previous };

  const posters = await readPosterWords();
  let changed = 0;
  let skipped = 0;
  for (const change of planPromptBackfill(posters)) {
    if (await apply(change)) changed++;
    else skipped++;
  }
  const run: BackfillRun = { ranAt: new Date().toISOString(), scanned: posters.length, changed, skipped };
  await awsClients().dynamo.send(
    new PutCommand({ TableName: getConfig().table, Item: { ...keys.maintenance(BACKFILL_PROMPTS), ...run } }),
  );
  return { status: "done", ...run };
}
