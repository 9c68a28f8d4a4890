import "server-only";
import { errorFacts } from "../error-facts";
import type { ErrorCode } from "../errors";

// Failures of any AWS service that aren't a specific service's own error types: S3, DynamoDB or Bedrock unreachable
// or answering 5xx after the SDK's retries means the service is unavailable (503), not that we broke (500).

/** Connection failures and 5xx from any AWS service: the service is unavailable. Anything else is ours. */
export function networkErrorCode(error: unknown): ErrorCode {
  const e = errorFacts(error);
  const network = ["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"];
  if (network.includes(e.code ?? "") || e.name === "TimeoutError") return "unavailable";
  if ((e.status ?? 0) >= 500) return "unavailable";
  return "internal";
}
