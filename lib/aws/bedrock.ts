import "server-only";
import { InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { errorFacts } from "../error-facts";
import { AppError, type ErrorCode } from "../errors";
import { awsClients, bedrockIn } from "./clients";
import { networkErrorCode } from "./service-errors";

// InvokeModel, and the translation of Bedrock's error types into our typed errors. The SDK has already retried
// throttling and 5xx (3 attempts) by the time an error reaches here.

const BY_ERROR_TYPE: Record<string, ErrorCode> = {
  AccessDeniedException: "model_access_denied",
  ThrottlingException: "throttled",
  ModelNotReadyException: "throttled",
  ServiceQuotaExceededException: "throttled",
  ModelTimeoutException: "timeout",
  ModelErrorException: "generation_failed",
  InternalServerException: "unavailable",
  ServiceUnavailableException: "unavailable",
};

// On first use of a model Bedrock subscribes the account through AWS Marketplace; a caller without
// aws-marketplace:Subscribe/ViewSubscriptions gets AccessDenied "Model access is denied due to IAM user or service role
// is not authorized to perform the required AWS Marketplace actions (…)" (or "…due to User: arn:… is not authorized to
// perform: aws-marketplace:ViewSubscriptions…"), ending "Your AWS Marketplace subscription for this model cannot be
// completed at this time." That is an account setup step, not a missing bedrock:InvokeModel grant.
const MARKETPLACE = /aws[ -]marketplace/i;

// Bedrock reports a retired model as 404 ResourceNotFound ("reached the end of its life", "marked by provider as
// Legacy") or, once legacy access has lapsed, as 400 Validation "Operation not allowed".
const RETIRED = /end of (its )?life|legacy|retired|operation not allowed/i;

export function bedrockErrorCode(error: unknown): ErrorCode {
  const { name = "", message = "" } = errorFacts(error);
  if (name === "AccessDeniedException" && MARKETPLACE.test(message)) return "model_not_enabled";
  if (BY_ERROR_TYPE[name]) return BY_ERROR_TYPE[name];
  if (name === "ResourceNotFoundException") return RETIRED.test(message) ? "model_retired" : "model_unavailable";
  if (name === "ValidationException") {
    if (RETIRED.test(message)) return "model_retired";
    if (/model identifier is invalid|not supported/i.test(message)) return "model_unavailable";
    return "internal"; // our request body was wrong: a bug, not the user's fault
  }
  return networkErrorCode(error);
}

/** Invokes a model (or inference profile) in `region`, by default the configured one. */
export async function invokeModel(
  modelId: string,
  body: unknown,
  signal: AbortSignal,
  region?: string,
): Promise<unknown> {
  try {
    const client = region ? bedrockIn(region) : awsClients().bedrock;
    const response = await client.send(
      new InvokeModelCommand({
        modelId,
        contentType: "application/json",
        accept: "application/json",
        body: JSON.stringify(body),
      }),
      { abortSignal: signal },
    );
    return JSON.parse(new TextDecoder().decode(response.body));
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (error instanceof SyntaxError) throw new AppError("generation_failed", { cause: error });
    throw new AppError(bedrockErrorCode(error), { cause: error });
  }
}
