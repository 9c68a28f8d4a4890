import { createServer, type IncomingMessage, type Server } from "node:http";

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
interface Reply {
  status: number;
  headers: { [name: string]: string };
  body: string;
}

const PREFIX = "DynamoDB_20120810";
const READS = new Set(["GetItem", "BatchGetItem", "Query", "Scan", "DescribeTable", "ListTables", "TransactGetItems"]);
const OPERATIONS = ["ConditionCheck", "Put", "Delete", "Update"] as const;
type Operation = (typeof OPERATIONS)[number];

/** Many readers or one writer; waiters are served in arrival order, so writers don't starve. */
export class ReadWriteLock {
  private readers = 0;
  private writing = false;
  private queue: { write: boolean; grant: () => void }[] = [];

  async run<T>(write: boolean, work: () => Promise<T>): Promise<T> {
    await new Promise<void>((grant) => {
      this.queue.push({ write, grant });
      this.pump();
    });
    try {
      return await work();
    } finally {
      if (write) this.writing = false;
      else this.readers--;
      this.pump();
    }
  }

  private pump() {
    while (this.queue.length > 0 && !this.writing) {
      const next = this.queue[0];
      if (!next || (next.write && this.readers > 0)) return;
      this.queue.shift();
      if (next.write) this.writing = true;
      else this.readers++;
      next.grant();
      if (next.write) return;
    }
  }
}

const JSON_HEADERS: Reply["headers"] = { "content-type": "application/x-amz-json-1.0" };

const error = (type: string, message: string, extra: Json = {}): Reply => ({
  status: 400,
  headers: JSON_HEADERS,
  body: JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message, ...extra }),
});

export async function startDynamoProxy(target: string, port = 0): Promise<{ server: Server; url: string }> {
  const lock = new ReadWriteLock();
  const keySchemas = new Map<string, string[]>();

  async function call(operation: string, body: Json, headers: IncomingMessage["headers"]): Promise<Reply> {
    const response = await fetch(target, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.0",
        "x-amz-target": `${PREFIX}.${operation}`,
        authorization: String(headers.authorization ?? ""),
        "x-amz-date": String(headers["x-amz-date"] ?? ""),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  }

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
    const plan: { op: Operation; spec: Json; table: string; key: AttributeMap }[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      const ops = OPERATIONS.filter((op) => item[op]);
      const op = ops[0];
      if (ops.length !== 1 || !op) return error("ValidationException", "Each TransactItem must hold one operation");
      const spec = item[op] as Json;
      const table = String(spec.TableName);
      const names = await keyNames(table, headers);
      const source = (op === "Put" ? spec.Item : spec.Key) as AttributeMap | undefined;
      const key = Object.fromEntries(names.map((n) => [n, source?.[n]]));
      const id = `${table}\u0000${JSON.stringify(key)}`;
      if (seen.has(id)) {
        return error("ValidationException", "Transaction request cannot include multiple operations on one item");
      }
      seen.add(id);
      plan.push({ op, spec, table, key });
    }

    const applied: Applied[] = [];
    const reasons: Json[] = [];
    let cancelled = false;
    try {
      for (const { op, spec, table, key } of plan) {
        const got = await call("GetItem", { TableName: table, Key: key, ConsistentRead: true }, headers);
        if (got.status !== 200) throw got;
        const previous = (JSON.parse(got.body) as { Item?: AttributeMap }).Item;
        const { ReturnValuesOnConditionCheckFailure: returnOld, ...rest } = spec;
        // A ConditionCheck is an update that changes nothing: dynalite evaluates its condition, and the rollback
        // below puts the item back exactly as it was (or removes the key-only item the update made).
        const operation = op === "Put" ? "PutItem" : op === "Delete" ? "DeleteItem" : "UpdateItem";
        const reply = await call(operation, rest, headers);
        if (reply.status === 200) {
          applied.push({ op, table, key, previous });
          reasons.push({ Code: "None" });
          continue;
        }
        const type = String((JSON.parse(reply.body) as { __type?: string }).__type ?? "");
        if (!type.endsWith("#ConditionalCheckFailedException")) throw reply;
        cancelled = true;
        reasons.push({
          Code: "ConditionalCheckFailed",
          Message: "The conditional request failed",
          ...(returnOld === "ALL_OLD" && previous ? { Item: previous } : {}),
        });
      }
      // Cancelled: undo everything. Committed: undo only what the ConditionChecks' no-op updates touched.
      await rollback(cancelled ? applied : applied.filter((a) => a.op === "ConditionCheck"), headers);
    } catch (failure) {
      await rollback(applied, headers);
      if ((failure as Reply).status) return failure as Reply;
      throw failure;
    }
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

  /** Writes back the previous images, newest first. */
  async function rollback(applied: Applied[], headers: IncomingMessage["headers"]) {
    for (const entry of [...applied].reverse()) {
      const reply = entry.previous
        ? await call("PutItem", { TableName: entry.table, Item: entry.previous }, headers)
        : await call("DeleteItem", { TableName: entry.table, Key: entry.key }, headers);
      if (reply.status !== 200) throw new Error(`dynamo proxy: rollback failed: ${reply.body}`);
    }
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
        if (typeof value === "string" && name !== "host" && name !== "content-length") headers[name] = value;
      }
      const response = await fetch(target, {
        method: req.method,
        headers,
        body: req.method === "GET" ? undefined : raw,
      });
      return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
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
          const {
            "content-length": _length,
            "transfer-encoding": _encoding,
            connection: _c,
            "keep-alive": _k,
            ...headers
          } = reply.headers;
          res.writeHead(reply.status, headers);
          res.end(reply.body);
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("dynamo proxy: no address");
  return { server, url: `http://127.0.0.1:${address.port}` };
}
