import { randomInt, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { findGenerationModel, findService, MAX_INVOKE_BODY_BYTES } from "../lib/models";
import { renderPoster } from "./art";
import { type Answers, GENERATION_MODELS, STABLE_IMAGE_ANSWERS } from "./emulator/models";
import { InvalidImage, type OutputFormat, readOperation } from "./operation-emulator";

// A local stand-in for bedrock-runtime's InvokeModel, speaking its wire format: POST /model/{modelId}/invoke with
// the id percent-encoded, JSON in and out, errors as `x-amzn-errortype` + {"message"}. Request bodies are checked
// against the catalogue's Bedrock schema, so the app can't send a field a model doesn't document. Only models AWS
// still serves answer: an unknown or retired id gets Bedrock's own 400 ValidationException.
//
// Faults, for tests and demos, by a marker anywhere in the prompt or an `x-emulator-fault` header:
//   [fault:prompt-filter] [fault:output-filter] [fault:input-filter] [fault:inference]
//   [fault:malformed] [fault:no-seeds] (an image, no `seeds`) [fault:wrong-size] (a 2×3 px PNG) → HTTP 200 bodies
//   [fault:throttle] [fault:timeout] [fault:model-error] [fault:unavailable] [fault:internal]
//   [fault:denied] [fault:retired] [fault:legacy-lapsed] [fault:not-found]               → typed errors
//   [fault:marketplace] (first use of a Marketplace model without aws-marketplace:* on the caller)
//   [latency:MS]                                                                         → model time
// A body over 25,000,000 bytes is refused before anything else, as Bedrock's length constraint on `body` does.

const ERRORS: Record<string, [number, string, string]> = {
  throttle: [429, "ThrottlingException", "Too many requests, please wait before trying again."],
  timeout: [408, "ModelTimeoutException", "Model has timed out in processing the request."],
  "model-error": [424, "ModelErrorException", "The model encountered an error."],
  unavailable: [503, "ServiceUnavailableException", "Service unavailable."],
  internal: [500, "InternalServerException", "An internal server error occurred."],
  denied: [403, "AccessDeniedException", "You don't have access to the model with the specified model ID."],
  // Bedrock's own words when the first invocation can't subscribe the account (as reported from real accounts; the
  // minutes at the end vary: 2, 5 or 15).
  marketplace: [
    403,
    "AccessDeniedException",
    "Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model. Refer to the Amazon Bedrock documentation for further details. Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 2 minutes.",
  ],
  retired: [404, "ResourceNotFoundException", "This model version has reached the end of its life."],
  "legacy-lapsed": [400, "ValidationException", "Operation not allowed"],
  "not-found": [404, "ResourceNotFoundException", "Model not found."],
};

export interface EmulatorOptions {
  port?: number;
  /** Model time for every request unless a [latency:MS] marker says otherwise. */
  latencyMs?: number;
}

export interface Emulator {
  url: string;
  /** Milliseconds each successful invocation took inside the emulator (art + encoding + latency). */
  timings: number[];
  /** Every InvokeModel call received, in order: lets tests see the SDK's retries, the size of each request body
   *  as it came over the wire, and the output format it asked for. */
  calls: { modelId: string; prompt: string; bytes: number; outputFormat?: string }[];
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The answer's image in the format the body asked for (the image-ops functions all make PNGs). */
function encodeAs(png: Buffer, format: OutputFormat): Promise<Buffer> {
  if (format === "jpeg") return sharp(png).flatten({ background: "#fff" }).jpeg({ quality: 90 }).toBuffer();
  if (format === "webp") return sharp(png).webp({ quality: 90 }).toBuffer();
  return Promise.resolve(png);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": randomUUID(),
    ...headers,
  });
  res.end(text);
}

function fail(res: ServerResponse, status: number, type: string, message: string) {
  send(
    res,
    status,
    { message },
    { "x-amzn-errortype": `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/` },
  );
}

type Log = Pick<Emulator, "timings" | "calls">;

function hasImage(raw: string): boolean {
  try {
    const json: unknown = JSON.parse(raw);
    return typeof json === "object" && json !== null && "image" in json;
  } catch {
    return false;
  }
}

async function invoke(req: IncomingMessage, res: ServerResponse, options: EmulatorOptions, log: Log) {
  const started = performance.now();
  const match = /^\/model\/([^/]+)\/invoke$/.exec(new URL(req.url ?? "/", "http://x").pathname);
  if (req.method !== "POST" || !match?.[1]) return fail(res, 404, "UnknownOperationException", "Unknown operation");
  const modelId = decodeURIComponent(match[1]);
  const bytes = await readBody(req);
  if (bytes.byteLength > MAX_INVOKE_BODY_BYTES) {
    log.calls.push({ modelId, prompt: "", bytes: bytes.byteLength });
    return fail(
      res,
      400,
      "ValidationException",
      `1 validation error detected: Value at 'body' failed to satisfy constraint: Member must have length less than or equal to ${MAX_INVOKE_BODY_BYTES}`,
    );
  }
  const raw = bytes.toString("utf8");
  // SD3.5 Large and Ultra serve generation and image-to-image (Vary) under one id: a body with an image is the latter.
  const service = findService(modelId);
  const model = service && hasImage(raw) ? undefined : findGenerationModel(modelId);
  if (!model && !service) {
    // A Stability image service named by its foundation-model id: it is only offered through its US profile.
    if (findService(`us.${modelId}`)) {
      return fail(
        res,
        400,
        "ValidationException",
        `Invocation of model ID ${modelId} with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
      );
    }
    return fail(res, 400, "ValidationException", "The provided model identifier is invalid.");
  }

  let request: { prompt: string; seed: number; outputFormat?: OutputFormat; render: (seed: number) => Promise<Buffer> };
  let answers: Answers;
  try {
    const json: unknown = JSON.parse(raw);
    const generation = model && GENERATION_MODELS[model.id];
    if (model && generation) {
      // What Bedrock accepts for this model (the catalogue's body schema): anything else is a ValidationException.
      const body = model.bodySchema.parse(json);
      const read = generation.read(typeof body === "object" && body !== null ? { ...body } : {});
      request = { ...read, render: (seed) => renderPoster(read.prompt, seed, read.width, read.height) };
      answers = generation;
    } else if (service) {
      request = await readOperation(service, modelId, json);
      answers = STABLE_IMAGE_ANSWERS;
    } else return;
  } catch (error) {
    if (error instanceof InvalidImage) return fail(res, 400, "ValidationException", error.message);
    const detail = error instanceof SyntaxError ? "body is not JSON" : String((error as Error).message).slice(0, 300);
    return fail(
      res,
      400,
      "ValidationException",
      `Malformed input request: ${detail}, please reformat your input and try again.`,
    );
  }

  log.calls.push({ modelId, prompt: request.prompt, bytes: bytes.byteLength, outputFormat: request.outputFormat });
  const fault = String(req.headers["x-emulator-fault"] ?? /\[fault:([a-z-]+)\]/.exec(request.prompt)?.[1] ?? "");
  const latency = Number(/\[latency:(\d+)\]/.exec(request.prompt)?.[1] ?? options.latencyMs ?? 0);
  const seed = request.seed || randomInt(1, 4_294_967_295);
  await sleep(latency);

  const error = ERRORS[fault];
  if (error) return fail(res, ...error);
  if (fault === "malformed") return send(res, 200, { unexpected: true });
  if (fault === "prompt-filter") return send(res, 200, answers.filtered("prompt", seed));
  if (fault === "output-filter") return send(res, 200, answers.filtered("output", seed));
  if (fault === "input-filter") return send(res, 200, answers.filtered("input", seed));
  if (fault === "inference") return send(res, 200, answers.filtered("inference", seed));

  const image =
    fault === "wrong-size"
      ? await sharp({ create: { width: 2, height: 3, channels: 3, background: "#000" } })
          .png()
          .toBuffer()
      : await encodeAs(await request.render(seed), request.outputFormat ?? "png");
  const took = performance.now() - started;
  log.timings.push(took);
  const body = answers.success(image.toString("base64"), seed) as Record<string, unknown>;
  send(res, 200, fault === "no-seeds" ? { ...body, seeds: undefined } : body, {
    "x-amzn-bedrock-invocation-latency": String(Math.round(took)),
  });
}

export async function startBedrockEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const log: Log = { timings: [], calls: [] };
  const server: Server = createServer((req, res) => {
    invoke(req, res, options, log).catch((error) => {
      console.error("[bedrock-emulator]", error);
      if (!res.headersSent) fail(res, 500, "InternalServerException", "Emulator error.");
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ...log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
