import { spawn } from "node:child_process";
import path from "node:path";
import { localAuthEnv, type OidcServer, startOidcProvider } from "./oidc-provider";
import { type LocalStack, startLocalStack } from "./stack";

// `npm run dev` / `npm start`: the offline stack plus Next.js pointed at it. With AWS configured (ONESHEET_BUCKET
// set), no local stack starts and the same app talks to real Bedrock, S3 and DynamoDB.

const mode = process.argv[2] === "start" ? "start" : "dev";
const useAws = Boolean(process.env.ONESHEET_BUCKET);

const appUrl = `http://localhost:${process.env.PORT ?? 3000}`;
let stack: LocalStack | undefined;
let oidc: OidcServer | undefined;
if (!useAws) {
  const dataDir = path.resolve(process.env.ONESHEET_DATA_DIR ?? ".onesheet-data");
  stack = await startLocalStack({
    dataDir,
    browserOrigins: [appUrl],
    latencyMs: Number(process.env.ONESHEET_EMULATOR_LATENCY_MS ?? 1500),
  });
  oidc = await startOidcProvider({ appUrls: [appUrl] });
  console.log(
    `[onesheet] offline stack up (data in ${dataDir}): S3 ${stack.env.ONESHEET_S3_ENDPOINT}, ` +
      `DynamoDB ${stack.env.ONESHEET_DYNAMODB_ENDPOINT}, SQS ${stack.env.ONESHEET_SQS_ENDPOINT}, ` +
      `Bedrock emulator ${stack.env.ONESHEET_BEDROCK_ENDPOINT}, ` +
      `OpenID provider ${oidc.issuer} (sign in with any name; "admin" is an admin)`,
  );
} else {
  console.log("[onesheet] ONESHEET_BUCKET is set: using AWS, no local stack");
}

// Records from before makers were recorded get one before the app reads them (every record has a maker: see
// lib/maintenance/backfill-makers.ts); after its first run on a data folder this is one read. The local provider's
// subjects are the names people sign in with, so the offline admin's is "admin".
if (stack) {
  const backfill = spawn(
    process.execPath,
    [
      path.resolve("node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      "local/backfill.ts",
      "--admin-sub",
      "admin",
      "--admin-name",
      "admin",
      "--quiet",
    ],
    { stdio: "inherit", env: { ...process.env, ...stack.env } },
  );
  const code = await new Promise<number | null>((resolve) => backfill.once("exit", resolve));
  if (code !== 0) console.error("[onesheet] the backfill failed (above): records without a maker will not load");
}

// Idle keep-alive connections are closed after 65 s rather than Node's 5 s, so a client (a browser, the tests'
// request context) reusing one never races the server closing it (an ECONNRESET on a request that was fine).
const next = spawn(
  path.resolve("node_modules/.bin/next"),
  [mode, ...(mode === "start" ? ["--keepAliveTimeout", "65000"] : [])],
  {
    stdio: "inherit",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      ...(oidc ? localAuthEnv(oidc.issuer, appUrl) : {}),
      ...process.env,
      ...stack?.env,
    },
  },
);

// What a crashed generation left (orphaned images, unsettled reservations) is put right at start and every five
// minutes, as the scheduled sweeper does on AWS. The app's modules are server-only, hence the condition.
const sweeperEnv = { ...process.env, ...stack?.env };
function runSweeper() {
  spawn(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "local/sweep.ts"],
    {
      stdio: "inherit",
      env: sweeperEnv,
    },
  );
}
// Long work (print masters, format packs) is queued as jobs: a worker takes them from the local queue and runs the
// same handler the queue's subscriber function runs on AWS.
let worker: ReturnType<typeof spawn> | undefined;
if (stack) {
  runSweeper();
  setInterval(runSweeper, 5 * 60_000).unref();
  worker = spawn(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "local/job-worker.ts"],
    { stdio: "inherit", env: sweeperEnv },
  );
}

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) next.kill("SIGTERM");
  if (worker && worker.exitCode === null) worker.kill("SIGTERM");
  await stack?.stop().catch(() => {});
  await oidc?.close().catch(() => {});
  process.exit(code);
}

next.on("exit", (code) => void stop(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
