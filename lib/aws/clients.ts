import "server-only";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { SQSClient } from "@aws-sdk/client-sqs";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { getConfig } from "./config";

// One client per service per process, built on first use. Lambda reuses them across invocations.
// HTTP/1.1 handlers everywhere: Bedrock's client defaults to HTTP/2, which AWS serves but a plain local server does not.

let clients:
  | { bedrock: BedrockRuntimeClient; s3: S3Client; dynamo: DynamoDBDocumentClient; sqs: SQSClient }
  | undefined;

const bedrockByRegion = new Map<string, BedrockRuntimeClient>();

/** The Bedrock client for one Region (operations name theirs in the catalogue); the configured Region's is shared. */
export function bedrockIn(region: string): BedrockRuntimeClient {
  const config = getConfig();
  if (region === config.region) return awsClients().bedrock;
  let client = bedrockByRegion.get(region);
  if (!client) {
    client = new BedrockRuntimeClient({
      region,
      endpoint: config.bedrockEndpoint,
      requestHandler: new NodeHttpHandler({ connectionTimeout: 5_000 }),
    });
    bedrockByRegion.set(region, client);
  }
  return client;
}

export function awsClients() {
  if (clients) return clients;
  const config = getConfig();
  const requestHandler = () => new NodeHttpHandler({ connectionTimeout: 5_000 });
  clients = {
    bedrock: new BedrockRuntimeClient({
      region: config.region,
      endpoint: config.bedrockEndpoint,
      requestHandler: requestHandler(),
    }),
    s3: new S3Client({
      region: config.region,
      endpoint: config.s3Endpoint,
      forcePathStyle: Boolean(config.s3Endpoint),
      // We upload buffers with a known length; the default (flexible checksums) frames bodies in a way
      // S3-compatible servers store verbatim.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      requestHandler: requestHandler(),
    }),
    dynamo: DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: config.region,
        endpoint: config.dynamodbEndpoint,
        requestHandler: requestHandler(),
      }),
      { marshallOptions: { removeUndefinedValues: true } },
    ),
    // The SDK sends each call to the queue URL's host unless an endpoint is set: offline, the emulator's.
    sqs: new SQSClient({ region: config.region, endpoint: config.sqsEndpoint, requestHandler: requestHandler() }),
  };
  return clients;
}
