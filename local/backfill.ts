import path from "node:path";

// `npm run backfill [-- --force]`: the one-off prompt backfill (lib/maintenance/backfill-prompts.ts) as a command.
// With ONESHEET_BUCKET set it runs against AWS (ONESHEET_TABLE, AWS_REGION and the usual credentials, as the app
// reads them). Otherwise against the offline data folder (ONESHEET_DATA_DIR, default .onesheet-data): it starts
// the local stack on it itself, so stop `npm run dev` first (DynamoDB's files can be open in one process only).
// The launcher (local/start.ts) never runs it: it is run once, by hand, after deploying the prompt fix.

const force = process.argv.includes("--force");
const offline = !process.env.ONESHEET_BUCKET;

const stack = offline
  ? await (async () => {
      const { startLocalStack } = await import("./stack");
      const dataDir = path.resolve(process.env.ONESHEET_DATA_DIR ?? ".onesheet-data");
      const refuse = (error: unknown) => {
        console.error(
          `[onesheet] backfill: couldn't open the offline data in ${dataDir} (${String(error)}). ` +
            "Is the studio running? Stop it (npm run dev / npm start) and run this again.",
        );
        process.exit(1);
      };
      // dynalite reports a folder another process holds from a callback, not by rejecting.
      process.once("uncaughtException", refuse);
      const started = await startLocalStack({ dataDir, latencyMs: 0 }).catch(refuse);
      process.off("uncaughtException", refuse);
      console.log(`[onesheet] backfill: offline data in ${dataDir}`);
      return started;
    })()
  : undefined;
if (stack) Object.assign(process.env, stack.env);

// The app's modules read their configuration when first used: after the environment above is in place.
const { backfillPrompts } = await import("../lib/maintenance/backfill-prompts");
try {
  const result = await backfillPrompts({ force });
  console.log(
    result.status === "already-ran"
      ? `[onesheet] backfill: already ran at ${result.ranAt} (${result.changed} posters changed then); nothing to do. ` +
          "Run with --force to go over the posters again (it changes nothing already right)."
      : `[onesheet] backfill: read ${result.scanned} posters, changed ${result.changed}` +
          (result.skipped ? `, left ${result.skipped} that changed meanwhile` : "") +
          ".",
  );
} finally {
  await stack?.stop();
}
