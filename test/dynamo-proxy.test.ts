import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import dynalite from "dynalite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDynamoProxy } from "@/local/dynamo-proxy";
import { createTable } from "@/local/stack";

// The offline stack's transactions: the proxy in front of dynalite must behave as DynamoDB does, seen through the
// real SDK: all conditions checked, all or nothing, TransactionCanceledException with a reason per item.

const TABLE = "proxy-test";
let db: DynamoDBDocumentClient;
let dynamo: Server;
let proxy: Server;

beforeAll(async () => {
  dynamo = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => dynamo.listen(0, "127.0.0.1", resolve));
  const started = await startDynamoProxy(`http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`);
  proxy = started.server;
  await createTable(started.url, TABLE);
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: "us-west-2",
      endpoint: started.url,
      credentials: { accessKeyId: "x", secretAccessKey: "x" },
      requestHandler: new NodeHttpHandler(),
    }),
  );
});

afterAll(async () => {
  for (const server of [proxy, dynamo]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const key = (pk: string) => ({ pk, sk: "META" });
const get = async (pk: string) => (await db.send(new GetCommand({ TableName: TABLE, Key: key(pk) }))).Item;
const put = (pk: string, item: object) => db.send(new PutCommand({ TableName: TABLE, Item: { ...key(pk), ...item } }));

async function cancellation(run: Promise<unknown>): Promise<TransactionCanceledException> {
  const failure = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(failure).toBeInstanceOf(TransactionCanceledException);
  return failure as TransactionCanceledException;
}

describe("the offline DynamoDB's TransactWriteItems", () => {
  it("applies every kind of item together when all conditions hold", async () => {
    await put("a-del", { n: 1 });
    await put("a-upd", { n: 1 });
    await put("a-chk", { n: 7 });
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: { TableName: TABLE, Item: { ...key("a-put"), n: 1 }, ConditionExpression: "attribute_not_exists(pk)" },
          },
          { Delete: { TableName: TABLE, Key: key("a-del") } },
          {
            Update: {
              TableName: TABLE,
              Key: key("a-upd"),
              UpdateExpression: "SET n = n + :one",
              ExpressionAttributeValues: { ":one": 1 },
            },
          },
          {
            ConditionCheck: {
              TableName: TABLE,
              Key: key("a-chk"),
              ConditionExpression: "n = :seven",
              ExpressionAttributeValues: { ":seven": 7 },
            },
          },
          // A check on an item that doesn't exist must not create it.
          { ConditionCheck: { TableName: TABLE, Key: key("a-none"), ConditionExpression: "attribute_not_exists(pk)" } },
        ],
      }),
    );
    expect(await get("a-put")).toMatchObject({ n: 1 });
    expect(await get("a-del")).toBeUndefined();
    expect(await get("a-upd")).toMatchObject({ n: 2 });
    expect(await get("a-chk")).toEqual({ ...key("a-chk"), n: 7 });
    expect(await get("a-none")).toBeUndefined();
  });

  it("changes nothing when one condition fails, and gives one reason per item in order", async () => {
    await put("b-upd", { n: 1 });
    await put("b-del", { n: 1 });
    await put("b-taken", { n: 5 });
    const failure = await cancellation(
      db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: TABLE, Item: { ...key("b-new"), n: 1 } } },
            {
              Update: {
                TableName: TABLE,
                Key: key("b-upd"),
                UpdateExpression: "SET n = n + :one",
                ExpressionAttributeValues: { ":one": 1 },
              },
            },
            { Delete: { TableName: TABLE, Key: key("b-del") } },
            {
              Put: {
                TableName: TABLE,
                Item: { ...key("b-taken"), n: 0 },
                ConditionExpression: "attribute_not_exists(pk)",
                ReturnValuesOnConditionCheckFailure: "ALL_OLD",
              },
            },
            {
              ConditionCheck: { TableName: TABLE, Key: key("b-missing"), ConditionExpression: "attribute_exists(pk)" },
            },
          ],
        }),
      ),
    );
    expect(failure.CancellationReasons?.map((r) => r.Code)).toEqual([
      "None",
      "None",
      "None",
      "ConditionalCheckFailed",
      "ConditionalCheckFailed",
    ]);
    expect(failure.CancellationReasons?.[3]?.Item).toEqual({ pk: { S: "b-taken" }, sk: { S: "META" }, n: { N: "5" } });
    expect(failure.message).toMatch(/^Transaction cancelled/);
    expect(await get("b-new")).toBeUndefined();
    expect(await get("b-upd")).toMatchObject({ n: 1 });
    expect(await get("b-del")).toMatchObject({ n: 1 });
    expect(await get("b-taken")).toMatchObject({ n: 5 });
    expect(await get("b-missing")).toBeUndefined();
  });

  it("refuses two operations on one item", async () => {
    await expect(
      db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: TABLE, Item: { ...key("c"), n: 1 } } },
            { Delete: { TableName: TABLE, Key: key("c") } },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: "ValidationException" });
    expect(await get("c")).toBeUndefined();
  });

  it("keeps a capped counter and its markers in step under 30 concurrent transactions", async () => {
    await put("d-count", { n: 0 });
    const attempts = Array.from({ length: 30 }, (_, i) =>
      db
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: TABLE,
                  Key: key("d-count"),
                  UpdateExpression: "SET n = n + :one",
                  ConditionExpression: "n < :cap",
                  ExpressionAttributeValues: { ":one": 1, ":cap": 12 },
                },
              },
              { Put: { TableName: TABLE, Item: { ...key(`d-mark-${i}`), i } } },
            ],
          }),
        )
        .then(
          () => true,
          () => false,
        ),
    );
    const done = await Promise.all(attempts);
    expect(done.filter(Boolean)).toHaveLength(12);
    expect(await get("d-count")).toMatchObject({ n: 12 });
    const marks = await Promise.all(done.map((_, i) => get(`d-mark-${i}`)));
    expect(marks.map(Boolean)).toEqual(done);
  });

  it("lets no plain write in between a cancelled transaction's change and its undo", async () => {
    await put("f-count", { n: 0 });
    const increment = {
      TableName: TABLE,
      Key: key("f-count"),
      UpdateExpression: "SET n = n + :one",
      ExpressionAttributeValues: { ":one": 1 },
    };
    // Each transaction raises the counter, then is cancelled by a check that can't hold, so it must leave no trace;
    // the plain increments racing with them must all count.
    const cancelled = Array.from({ length: 20 }, () =>
      db
        .send(
          new TransactWriteCommand({
            TransactItems: [
              { Update: increment },
              { ConditionCheck: { TableName: TABLE, Key: key("f-none"), ConditionExpression: "attribute_exists(pk)" } },
            ],
          }),
        )
        .catch((e: unknown) => e),
    );
    const plain = Array.from({ length: 20 }, () => db.send(new UpdateCommand(increment)));
    const outcomes = await Promise.all([...cancelled, ...plain]);
    expect(outcomes.slice(0, 20).every((e) => e instanceof TransactionCanceledException)).toBe(true);
    expect(await get("f-count")).toMatchObject({ n: 20 });
  });

  it("reads several items at once with TransactGetItems", async () => {
    await put("e-1", { n: 1 });
    const { Responses } = await db.send(
      new TransactGetCommand({
        TransactItems: [{ Get: { TableName: TABLE, Key: key("e-1") } }, { Get: { TableName: TABLE, Key: key("e-2") } }],
      }),
    );
    expect(Responses?.map((r) => r.Item?.n)).toEqual([1, undefined]);
  });
});
