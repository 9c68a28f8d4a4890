import "server-only";
import type { ErrorCode } from "../errors";

// Failures of any AWS service that aren't a specific service's own error types: S3, DynamoDB or Bedrock unreachable
// or answering 5xx after the SDK's retries means the service is unavailable (503), not that we broke (500).

/** Connection failures and 5xx from any AWS service: the service is unavailable. Anything else is ours. */
export function networkErrorCode(error: unknown): ErrorCode {
  const e = error as { code?: string; name?: string; $metadata?: { httpStatusCode?: number } };
  const network = ["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"];
  if (network.includes(e?.code ?? "") || e?.name === "TimeoutError") return "unavailable";
  if ((e?.$metadata?.httpStatusCode ?? 0) >= 500) return "unavailable";
  return "internal";
}
