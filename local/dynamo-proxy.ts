import { Agent, createServer, type IncomingMessage, request, type Server } from "node:http";
import { ReadWriteLock } from "./read-write-lock";

// dynalite speaks DynamoDB's wire protocol but has no transactions. This proxy sits in front of it and adds
// TransactWriteItems and TransactGetItems with DynamoDB's semantics, built from dynalite's own single-item calls (so
// condition and update expressions are evaluated by dynalite, as for a plain write):
//  - every item's condition is checked; one failure cancels all, and nothing is left changed (each applied item's
//    previous image is written back);
//  - the answer is DynamoDB's TransactionCanceledException with one CancellationReason per item, in request order;
//  - a lock makes each transaction atomic to every other request: writes (single or transactional) run one at a
//    time, reads run together but never while a write is under way, so no reader sees half a transaction.
// Everything else passes through unchanged.

type Json = Record<string, unknown>;
type AttributeMap = Record<string, unknown>;
interface Applied {
  op: Operation;
  table: string;
  key: AttributeMap;
  previous?: AttributeMap;
}
interface Planned {
  op: Operation;
  spec: Json;
  table: string;
  key: AttributeMap;
}
interface Reply {
  status: number;
  headers: { [name: string]: string };
  body: string;
}

const PREFIX = "DynamoDB_20120810";
// Per connection, not per message: each side of the proxy sets its own.
const HOP_HEADERS = new Set(["content-length", "transfer-encoding", "connection", "keep-alive"]);
const READS = new Set(["GetItem", "BatchGetItem", "Query", "Scan", "DescribeTable", "ListTables", "TransactGetItems"]);
const OPERATIONS = ["ConditionCheck", "Put", "Delete", "Update"] as const;
type Operation = (typeof OPERATIONS)[number];

const JSON_HEADERS: Reply["headers"] = { "content-type": "application/x-amz-json-1.0" };

const error = (type: string, message: string, extra: Json = {}): Reply => ({
  status: 400,
  headers: JSON_HEADERS,
  body: JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message, ...extra }),
});

export async function startDynamoProxy(target: string, port = 0): Promise<{ server: Server; url: string }> {
  const lock = new ReadWriteLock();
  const keySchemas = new Map<string, string[]>();

  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const send = (method: string, headers: Record<string, string>, body: string) =>
    new Promise<Reply>((resolve, reject) => {
      const length = method === "GET" ? {} : { "content-length": String(Buffer.byteLength(body)) };
      const forward = request(target, { method, headers: { ...headers, ...length }, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const replyHeaders: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (typeof value === "string" && !HOP_HEADERS.has(name)) replyHeaders[name] = value;
          }
          resolve({
            status: response.statusCode ?? 500,
            headers: replyHeaders,
            body: Buffer.concat(chunks).toString(),
          });
        });
      });
      forward.on("error", reject);
      forward.end(method === "GET" ? undefined : body);
    });

  const call = (operation: string, body: Json, headers: IncomingMessage["headers"]) =>
    send(
      "POST",
      {
        "content-type": "application/x-amz-json-1.0",
        "x-amz-target": `${PREFIX}.${operation}`,
        authorization: String(headers.authorization ?? ""),
        "x-amz-date": String(headers["x-amz-date"] ?? ""),
      },
      JSON.stringify(body),
    );

  async function keyNames(table: string, headers: IncomingMessage["headers"]): Promise<string[]> {
    const known = keySchemas.get(table);
    if (known) return known;
    const reply = await call("DescribeTable", { TableName: table }, headers);
    if (reply.status !== 200) throw reply;
    const schema = (JSON.parse(reply.body) as { Table: { KeySchema: { AttributeName: string }[] } }).Table.KeySchema;
    const names = schema.map((k) => k.AttributeName);
    keySchemas.set(table, names);
    return names;
  }

  async function transactWrite(request: Json, headers: IncomingMessage["headers"]): Promise<Reply> {
    const items = (request.TransactItems ?? []) as Partial<Record<Operation, Json>>[];
    if (items.length === 0 || items.length > 100) {
      return error("ValidationException", "TransactItems must have between 1 and 100 items");
    }
    // Resolve each item's operation, table and key first: a malformed request changes nothing.
    const plan: Planned[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      const ops = OPERATIONS.filter((op) => item[op]);
      const op = ops[0];
      if (ops.length !== 1 || !op) return error("ValidationException", "Each TransactItem must hold one operation");
      const spec = item[op] as Json;
      const table = String(spec.TableName);
      const names = await keyNames(table, headers).catch((reply: Reply) => reply);
      if (!Array.isArray(names)) return names; // no such table: DynamoDB's own answer
      const source = (op === "Put" ? spec.Item : spec.Key) as AttributeMap | undefined;
      const key = Object.fromEntries(names.map((n) => [n, source?.[n]]));
      const id = `${table}\u0000${JSON.stringify(key)}`;
      if (seen.has(id)) {
        return error("ValidationException", "Transaction request cannot include multiple operations on one item");
      }
      seen.add(id);
      plan.push({ op, spec, table, key });
    }

    // The items are distinct and the lock keeps everyone else out, so they can be applied side by side: the
    // outcome is the same as one after another, and a transaction costs about one write, as on DynamoDB.
    const outcomes = await Promise.all(plan.map((item) => apply(item, headers)));
    const applied = outcomes.flatMap((o) => ("applied" in o ? [o.applied] : []));
    const cancelled = outcomes.some((o) => "reason" in o);
    const broken = outcomes.find((o) => "error" in o);
    // Cancelled or broken: undo everything. Committed: undo only what the ConditionChecks' no-op updates touched.
    await rollback(cancelled || broken ? applied : applied.filter((a) => a.op === "ConditionCheck"), headers);
    if (broken && "error" in broken) return broken.error;
    const reasons = outcomes.map((o) => ("reason" in o ? o.reason : { Code: "None" }));
    if (cancelled) {
      const codes = reasons.map((r) => r.Code).join(", ");
      return error(
        "TransactionCanceledException",
        `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes}]`,
        { CancellationReasons: reasons },
      );
    }
    return { status: 200, headers: JSON_HEADERS, body: "{}" };
  }

  type Outcome = { applied: Applied } | { reason: Json } | { error: Reply };

  async function apply({ op, spec, table, key }: Planned, headers: IncomingMessage["headers"]): Promise<Outcome> {
    const { ReturnValuesOnConditionCheckFailure: returnOld, ...rest } = spec;
    // A ConditionCheck is an update that changes nothing: dynalite evaluates its condition, and the rollback puts
    // the item back exactly as it was (or removes the key-only item the update made). Each write hands back the
    // item as it was before (ALL_OLD), which is what a rollback restores.
    const operation = op === "Put" ? "PutItem" : op === "Delete" ? "DeleteItem" : "UpdateItem";
    const reply = await call(operation, { ...rest, ReturnValues: "ALL_OLD" }, headers);
    if (reply.status === 200) {
      const previous = (JSON.parse(reply.body) as { Attributes?: AttributeMap }).Attributes;
      return { applied: { op, table, key, previous } };
    }
    const type = String((JSON.parse(reply.body) as { __type?: string }).__type ?? "");
    if (!type.endsWith("#ConditionalCheckFailedException")) return { error: reply };
    let current: AttributeMap | undefined;
    if (returnOld === "ALL_OLD") {
      const got = await call("GetItem", { TableName: table, Key: key, ConsistentRead: true }, headers);
      current = (JSON.parse(got.body) as { Item?: AttributeMap }).Item;
    }
    return {
      reason: {
        Code: "ConditionalCheckFailed",
        Message: "The conditional request failed",
        ...(current ? { Item: current } : {}),
      },
    };
  }

  /** Writes back the previous images (distinct items, so all at once). */
  async function rollback(applied: Applied[], headers: IncomingMessage["headers"]) {
    const replies = await Promise.all(
      applied.map((entry) =>
        entry.previous
          ? call("PutItem", { TableName: entry.table, Item: entry.previous }, headers)
          : call("DeleteItem", { TableName: entry.table, Key: entry.key }, headers),
      ),
    );
    const failed = replies.find((reply) => reply.status !== 200);
    if (failed) throw new Error(`dynamo proxy: rollback failed: ${failed.body}`);
  }

  async function transactGet(request: Json, headers: IncomingMessage["headers"]): Promise<Reply> {
    const items = (request.TransactItems ?? []) as { Get?: Json }[];
    const responses: Json[] = [];
    for (const item of items) {
      const reply = await call("GetItem", { ...item.Get, ConsistentRead: true }, headers);
      if (reply.status !== 200) return reply;
      const found = (JSON.parse(reply.body) as { Item?: AttributeMap }).Item;
      responses.push(found ? { Item: found } : {});
    }
    return {
      status: 200,
      headers: JSON_HEADERS,
      body: JSON.stringify({ Responses: responses }),
    };
  }

  async function handle(req: IncomingMessage, raw: string): Promise<Reply> {
    const operation = String(req.headers["x-amz-target"] ?? "").split(".")[1] ?? "";
    return lock.run(!READS.has(operation), async () => {
      if (operation === "TransactWriteItems") return transactWrite(JSON.parse(raw) as Json, req.headers);
      if (operation === "TransactGetItems") return transactGet(JSON.parse(raw) as Json, req.headers);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string" && name !== "host" && !HOP_HEADERS.has(name)) headers[name] = value;
      }
      return send(req.method ?? "POST", headers, raw);
    });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      handle(req, Buffer.concat(chunks).toString())
        .catch((failure: unknown) => ({
          status: 500,
          headers: JSON_HEADERS,
          body: JSON.stringify({
            __type: "com.amazonaws.dynamodb.v20120810#InternalServerError",
            message: String(failure),
          }),
        }))
        .then((reply) => {
          res.writeHead(reply.status, reply.headers);
          res.end(reply.body);
        });
    });
  });
  server.on("close", () => agent.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("dynamo proxy: no address");
  return { server, url: `http://127.0.0.1:${address.port}` };
}
