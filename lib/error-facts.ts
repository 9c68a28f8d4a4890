// What can be read off a thrown value without trusting its type: an AWS SDK error (name, $metadata.httpStatusCode),
// a Node system error (code), anything else thrown. One place, instead of a cast to a guessed shape at each catch.

export interface ErrorFacts {
  name?: string;
  message?: string;
  stack?: string;
  /** Node's system error code (ECONNRESET…). */
  code?: string;
  /** The HTTP status an AWS SDK error carries. */
  status?: number;
}

export function errorFacts(error: unknown): ErrorFacts {
  if (typeof error !== "object" || error === null) return {};
  const text = (key: string) => {
    const value: unknown = Reflect.get(error, key);
    return typeof value === "string" ? value : undefined;
  };
  const meta: unknown = Reflect.get(error, "$metadata");
  const status: unknown = typeof meta === "object" && meta !== null ? Reflect.get(meta, "httpStatusCode") : undefined;
  return {
    name: text("name"),
    message: text("message"),
    stack: text("stack"),
    code: text("code"),
    status: typeof status === "number" ? status : undefined,
  };
}
