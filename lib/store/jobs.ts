import "server-only";
import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { type Job, type JobError, jobSchema, type PackStep } from "../jobs/schema";
import { isConditionFailure, parseItem } from "./items";
import type { NotificationRecord } from "./notification-records";
import { notificationItem } from "./notifications";
import { keys, TABLE_KEYS } from "./table";
import { mustCommit, step, steps, type TransactItem, transact } from "./transactions";

// Jobs in DynamoDB: the job item (state, steps, result, who), and while it is unfinished an "open" marker the sweeper
// queries for jobs whose message was lost. Every write that belongs to a running attempt is conditioned on that
// attempt still holding the job, so a worker that lost its lease (it was presumed dead) can't overwrite a newer one.

const table = () => getConfig().table;
/** Finished jobs stay a month (their status URL, the ZIP's name), then DynamoDB removes them. */
const KEEP_FINISHED_S = 30 * 24 * 3600;

const put = (item: Record<string, unknown>, condition?: string): TransactItem => ({
  Put: { TableName: table(), Item: item, ...(condition ? { ConditionExpression: condition } : {}) },
});

/** Writes a new job (queued) with its open marker, in one write. */
export async function putJob(job: Job): Promise<void> {
  const item = { ...keys.job(job.id), ...keys.jobListing(job.subject, job.createdAt, job.id), ...jobSchema.parse(job) };
  const what = `writing job ${job.id}`;
  const result = await transact(what, [
    step("job", put(item, `attribute_not_exists(${TABLE_KEYS.partitionKey})`)),
    step("open marker", put({ ...keys.openJob(job.createdAt, job.id), jobId: job.id })),
  ]);
  mustCommit(what, result);
}

export async function getJob(id: string): Promise<Job | undefined> {
  const { Item } = await awsClients().dynamo.send(new GetCommand({ TableName: table(), Key: keys.job(id) }));
  return Item ? parseItem(jobSchema, Item, "job") : undefined;
}

/** Removes a job that never reached the queue (its message couldn't be sent). */
export async function dropJob(job: Pick<Job, "id" | "createdAt">): Promise<void> {
  await transact(`dropping job ${job.id}`, [
    step("job", { Delete: { TableName: table(), Key: keys.job(job.id) } }),
    step("open marker", { Delete: { TableName: table(), Key: keys.openJob(job.createdAt, job.id) } }),
  ]);
}

/** Takes the job for a worker: a queued one, or a running one whose holder's lease has run out (it died). Returns
 * the job as taken, or undefined when someone else holds it or it has finished. */
export async function claimJob(id: string, holder: string, now: Date, leaseUntil: Date, attempt: number) {
  try {
    const { Attributes } = await awsClients().dynamo.send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.job(id),
        UpdateExpression:
          "SET #status = :running, holder = :holder, leaseUntil = :until, attempts = :attempt, updatedAt = :now",
        ConditionExpression:
          "attribute_exists(pk) AND (#status = :queued OR (#status = :running AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)))",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":running": "running",
          ":queued": "queued",
          ":holder": holder,
          ":until": leaseUntil.toISOString(),
          ":now": now.toISOString(),
          ":attempt": attempt,
        },
        ReturnValues: "ALL_NEW",
      }),
    );
    return Attributes ? parseItem(jobSchema, Attributes, "job") : undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

const held = (holder: string) => ({
  ConditionExpression: "#status = :running AND holder = :holder",
  names: { "#status": "status" },
  values: { ":running": "running", ":holder": holder },
});

async function updateHeld(
  id: string,
  holder: string,
  set: string,
  names: Record<string, string>,
  values: Record<string, unknown>,
) {
  const h = held(holder);
  try {
    await awsClients().dynamo.send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.job(id),
        UpdateExpression: `SET ${set}, updatedAt = :updated`,
        ConditionExpression: h.ConditionExpression,
        ExpressionAttributeNames: { ...h.names, ...names },
        ExpressionAttributeValues: { ...h.values, ...values, ":updated": new Date().toISOString() },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The holder's heartbeat: false when it no longer holds the job (it was taken over). */
export const renewLease = (id: string, holder: string, until: Date) =>
  updateHeld(id, holder, "leaseUntil = :until", {}, { ":until": until.toISOString() });

/** Why this attempt stopped (kept for the next attempt and for the final reason). */
export const recordAttemptError = (id: string, holder: string, message: string) =>
  updateHeld(id, holder, "lastError = :message", {}, { ":message": message });

/** One step of a pack, as it now stands. */
export const saveStep = (id: string, holder: string, name: string, step: PackStep) =>
  updateHeld(id, holder, "steps.#step = :step", { "#step": name }, { ":step": step });

/** A paid model call of a step, recorded in the same transaction as its charge (lib/spending.ts): the transaction
 * fails, charge and all, if the call was already charged or this worker no longer holds the job. */
export function stepChargedItem(id: string, holder: string, step: string, call: string, cents: number): TransactItem {
  const h = held(holder);
  return {
    Update: {
      TableName: table(),
      Key: keys.job(id),
      UpdateExpression: "SET steps.#step.charged.#call = :cents",
      ConditionExpression: `${h.ConditionExpression} AND attribute_not_exists(steps.#step.charged.#call)`,
      ExpressionAttributeNames: { ...h.names, "#step": step, "#call": call },
      ExpressionAttributeValues: { ...h.values, ":cents": cents },
    },
  };
}

export type JobOutcome = { status: "done"; result?: Record<string, unknown> } | { status: "failed"; error: JobError };

/**
 * Ends a job, with its open marker, in one write: by its holder (`holder`), or — for a job whose worker is gone —
 * by anyone while it is still unfinished (`holder` undefined: the sweeper, the last failed attempt). False when the
 * job has finished already or is held by someone else.
 */
export async function finishJob(
  job: Pick<Job, "id" | "createdAt">,
  holder: string | undefined,
  outcome: JobOutcome,
  /** Told to whoever asked, in the same write: a job ends once, and so is its notification written once. */
  notices: readonly NotificationRecord[] = [],
) {
  const now = new Date();
  const values: Record<string, unknown> = {
    ":status": outcome.status,
    ":now": now.toISOString(),
    ":ttl": Math.floor(now.getTime() / 1000) + KEEP_FINISHED_S,
    ...(outcome.status === "done"
      ? outcome.result
        ? { ":result": outcome.result }
        : {}
      : { ":error": outcome.error }),
    ...(holder ? { ":holder": holder, ":running": "running" } : { ":queued": "queued", ":running": "running" }),
  };
  const set = [
    "#status = :status",
    "updatedAt = :now",
    "#ttl = :ttl",
    ...(":result" in values ? ["#result = :result"] : []),
    ...(":error" in values ? ["#error = :error"] : []),
  ];
  const what = `finishing job ${job.id}`;
  const result = await transact(what, [
    step("job", {
      Update: {
        TableName: table(),
        Key: keys.job(job.id),
        UpdateExpression: `SET ${set.join(", ")} REMOVE holder, leaseUntil`,
        ConditionExpression: holder ? "#status = :running AND holder = :holder" : "#status IN (:queued, :running)",
        ExpressionAttributeNames: {
          "#status": "status",
          "#ttl": TABLE_KEYS.ttlAttribute,
          ...(":result" in values ? { "#result": "result" } : {}),
          ...(":error" in values ? { "#error": "error" } : {}),
        },
        ExpressionAttributeValues: values,
      },
    }),
    step("open marker", { Delete: { TableName: table(), Key: keys.openJob(job.createdAt, job.id) } }),
    ...steps("notification", notices.map(notificationItem)),
  ]);
  // The job refuses when it finished already or another worker holds it now: this one's outcome is not kept.
  if (!result.ok && result.refused.has("job")) return false;
  mustCommit(what, result);
  return true;
}

/** Marks that the sweeper sent a job's message again, on condition nobody touched the job since it looked. */
export async function markResent(job: Pick<Job, "id" | "updatedAt">): Promise<boolean> {
  try {
    await awsClients().dynamo.send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.job(job.id),
        UpdateExpression: "SET updatedAt = :now",
        ConditionExpression: "updatedAt = :seen AND #status IN (:queued, :running)",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":now": new Date().toISOString(),
          ":seen": job.updatedAt,
          ":queued": "queued",
          ":running": "running",
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** An open marker whose job has gone or finished. */
export async function dropOpenMarker(createdAt: string, id: string): Promise<void> {
  await awsClients().dynamo.send(new DeleteCommand({ TableName: table(), Key: keys.openJob(createdAt, id) }));
}

/** Jobs not finished, oldest first (their ids and when they were made). */
export async function openJobs(): Promise<{ jobId: string; createdAt: string }[]> {
  const found: { jobId: string; createdAt: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await awsClients().dynamo.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.openJob("", "").pk },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      found.push({ jobId: String(item.jobId), createdAt: String(item.sk).split("#")[0] ?? "" });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
}

/** The newest jobs about one subject (a poster's packs and exports). */
export async function jobsAbout(subject: string, limit: number): Promise<Job[]> {
  const { Items = [] } = await awsClients().dynamo.send(
    new QueryCommand({
      TableName: table(),
      IndexName: TABLE_KEYS.indexes[0].name,
      KeyConditionExpression: "gsi1pk = :subject",
      ExpressionAttributeValues: { ":subject": keys.jobListing(subject).gsi1pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items.map((item) => parseItem(jobSchema, item, "job"));
}
