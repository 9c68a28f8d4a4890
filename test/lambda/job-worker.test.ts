import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { build } from "esbuild";
import sharp from "sharp";
import { JOB_QUEUE } from "../../lib/jobs/queue-settings";
import { LOCAL_CLIENT } from "../../local/oidc-provider";
import { LOCAL_BUCKET, LOCAL_TABLE, type LocalStack, startLocalStack } from "../../local/stack";
import { type Declared, deploy } from "../support/sst-deploy";

// The job worker as SST deploys it: sst.config.ts's subscriber function, bundled the way SST v4.17 bundles a Node
// function (pkg/runtime/node/build.go: esbuild, ESM, platform node, the runtime's target, sharp and the `install`
// packages left out and installed beside the bundle, SST's createRequire banner), its `copyFiles` copied, and run
// in a Node process of its own with the environment SST gives it — fed an SQS event with real messages from the
// local queue, as Lambda's event source would. The closest thing to "the worker runs on Lambda" without AWS:
// a TIFF master and a format pack (lettered, with a reframe through Bedrock's emulator) made by the bundle.

let stack: LocalStack;
let dir: string;
let fn: string;
let worker: Declared;
let env: Record<string, string>;

const SST_BANNER = [
  `import { createRequire as topLevelCreateRequire } from 'module';`,
  `const require = topLevelCreateRequire(import.meta.url);`,
  `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
  `const __filename = topLevelFileUrlToPath(import.meta.url)`,
  `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))`,
].join("\n");

type WorkerFunction = {
  handler: string;
  runtime: string;
  copyFiles: { from: string; to: string }[];
  nodejs: { install: string[] };
};

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "onesheet-worker-"));
  stack = await startLocalStack({ dataDir: path.join(dir, "data"), latencyMs: 0 });
  const deployed = await deploy({
    physicalNames: { Posters: LOCAL_BUCKET, Table: LOCAL_TABLE },
    queueUrls: { [JOB_QUEUE.name]: stack.env.ONESHEET_JOBS_QUEUE_URL ?? "" },
    secrets: {
      OidcIssuer: "http://localhost:9",
      OidcClientId: LOCAL_CLIENT.id,
      OidcClientSecret: LOCAL_CLIENT.secret,
      AuthSecret: "a-session-secret-for-the-lambda-test-only",
      AdminEmails: "",
    },
  });
  worker = deployed.find("QueueSubscriber");
  const spec = worker.args.subscriber as WorkerFunction;
  fn = path.join(dir, "function");
  mkdirSync(fn, { recursive: true });
  const [file, exported] = spec.handler.split(".");
  assert.equal(exported, "handler");
  const target = { "nodejs24.x": "es2024", "nodejs22.x": "es2023", "nodejs20.x": "es2023" }[spec.runtime];
  assert.ok(target, `no esbuild target for ${spec.runtime}`);
  await build({
    entryPoints: [path.resolve(`${file}.ts`)],
    bundle: true,
    platform: "node",
    format: "esm",
    target,
    outfile: path.join(fn, "bundle.mjs"),
    external: ["sharp", "pg-native", ...spec.nodejs.install],
    mainFields: ["module", "main"],
    keepNames: true,
    banner: { js: SST_BANNER },
    logLevel: "error",
  });
  // `nodejs.install`: SST writes a package.json of those packages (at the versions the app's package.json names) and
  // runs npm install beside the bundle, for Lambda's platform; then (when it zips the function) adds `copyFiles`.
  const app = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
  const dependencies = Object.fromEntries(spec.nodejs.install.map((name) => [name, app.dependencies[name] ?? "*"]));
  writeFileSync(path.join(fn, "package.json"), JSON.stringify({ dependencies }));
  execFileSync(
    "npm",
    [
      "install",
      "--force",
      "--platform=linux",
      "--os=linux",
      "--arch=x64",
      "--cpu=x64",
      "--libc=glibc",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
    ],
    { cwd: fn, stdio: "ignore" },
  );
  for (const copy of spec.copyFiles) {
    mkdirSync(path.dirname(path.join(fn, copy.to)), { recursive: true });
    cpSync(path.resolve(copy.from), path.join(fn, copy.to));
  }
  const { ONESHEET_BUCKET: _b, ONESHEET_TABLE: _t, ONESHEET_JOBS_QUEUE_URL: _q, ...endpoints } = stack.env;
  env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    ...endpoints,
    ...deployed.runtimeEnvironment({ ...worker, args: worker.args.subscriber as Record<string, unknown> }, fn),
  };
  // The app's own modules, in this process, make the jobs: the same table, bucket and queue.
  for (const name of Object.keys(process.env)) if (/^(ONESHEET_|SST_)/.test(name)) delete process.env[name];
  Object.assign(process.env, stack.env, {
    ONESHEET_DAILY_BUDGET_USD: "1000",
    ONESHEET_MAX_IN_FLIGHT: "50",
  });
});

after(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Receives the queue's messages and hands them to the bundled handler in its own Node, as Lambda would. */
async function runBundled(): Promise<{ batchItemFailures: unknown[] }> {
  const sqs = new SQSClient({
    region: "us-west-2",
    endpoint: stack.env.ONESHEET_SQS_ENDPOINT,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    requestHandler: new NodeHttpHandler(),
  });
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: stack.env.ONESHEET_JOBS_QUEUE_URL,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 2,
      MessageSystemAttributeNames: ["ApproximateReceiveCount"],
    }),
  );
  sqs.destroy();
  assert.ok(Messages.length > 0, "no job on the queue");
  const event = {
    Records: Messages.map((m) => ({
      messageId: m.MessageId,
      receiptHandle: m.ReceiptHandle,
      body: m.Body,
      attributes: { ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount ?? "1" },
      messageAttributes: {},
      eventSource: "aws:sqs",
    })),
  };
  // Batch size 1 on AWS: one invocation per message.
  const failures: unknown[] = [];
  for (const record of event.Records) {
    const script = `const { handler } = await import("./bundle.mjs"); process.stdout.write("\\n" + JSON.stringify(await handler(${JSON.stringify({ Records: [record] })}))); process.exit(0);`;
    // Not spawnSync: the local stack answering the worker runs in this very process.
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
        cwd: fn,
        env: { ...env, NODE_ENV: "production" },
        timeout: 180_000,
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => {
        stdout += d;
      });
      child.stderr.on("data", (d) => {
        stderr += d;
      });
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
    assert.equal(run.status, 0, `${run.stderr}\n${run.stdout}`);
    const answer = JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}") as { batchItemFailures: unknown[] };
    failures.push(...answer.batchItemFailures);
  }
  return { batchItemFailures: failures };
}

describe("the job worker's bundle", () => {
  it("runs with the environment SST gives it: names and the queue's URL, the server-only condition", () => {
    assert.equal(env.NODE_OPTIONS, "--conditions=react-server");
    assert.equal(env.ONESHEET_JOBS_QUEUE_URL, stack.env.ONESHEET_JOBS_QUEUE_URL);
    assert.equal(env.ONESHEET_BUCKET, LOCAL_BUCKET);
  });

  it("makes a CMYK TIFF master and a lettered format pack, from real queue messages", async () => {
    const { putObject } = await import("../../lib/aws/s3");
    const { putPoster } = await import("../../lib/store/posters");
    const { artKeys } = await import("../../lib/storage");
    const { createExport } = await import("../../lib/print/exports");
    const { startPack } = await import("../../lib/pack/start");
    const { getJob } = await import("../../lib/store/jobs");
    const { getExport } = await import("../../lib/store/exports");
    const { setDesign } = await import("../../lib/store/posters");
    const member = {
      sub: "lambda",
      email: "lambda@onesheet.local",
      name: "Lambda",
      isAdmin: false,
      via: "token" as const,
    };
    const id = "WorkerKeyArt0000";
    const art = await sharp({ create: { width: 832, height: 1216, channels: 3, background: "#234" } })
      .png()
      .toBuffer();
    await putObject(artKeys(id).imageKey, art, "image/png");
    await putObject(artKeys(id).thumbKey, art, "image/png");
    await putPoster({
      id,
      prompt: "a lighthouse on a worker",
      model: "stability.sd3-5-large-v1:0",
      aspectRatio: "2:3",
      params: {},
      seed: 1,
      width: 832,
      height: 1216,
      bytes: art.byteLength,
      price: 0.08,
      createdAt: new Date().toISOString(),
      ...artKeys(id),
      createdBy: member.sub,
    });
    const { designSchema } = await import("../../lib/design/schema");
    const { exportRequestSchema } = await import("../../lib/print/export-schema");
    // Lettered: the worker sets the type with the fonts copied beside its bundle.
    const design = designSchema.parse({ template: "classic", title: "Worker Lights", billing: "A BUNDLED PRODUCTION" });
    await setDesign(id, design, { composedKey: artKeys(id).imageKey, composedThumbKey: artKeys(id).thumbKey });

    const request = exportRequestSchema.parse({ format: "tiff", size: { widthIn: 4, heightIn: 6 } });
    const tiff = await createExport(id, request, member);
    const pack = await startPack(id, { formats: ["one-sheet", "widescreen"] }, member);
    const { batchItemFailures } = await runBundled();
    assert.deepEqual(batchItemFailures, []);

    const exported = await getExport(id, tiff.exportId);
    assert.equal(exported?.status, "ready", JSON.stringify(exported));
    const job = await getJob(pack.jobId);
    assert.equal(job?.status, "done", JSON.stringify(job));
    assert.ok(job?.type === "pack" && job.result?.zipKey);
    // The widescreen's reframe went through Bedrock (the emulator) from inside the bundle.
    assert.ok(stack.emulator.calls.some((c) => c.modelId.includes("outpaint")));
  });
});
