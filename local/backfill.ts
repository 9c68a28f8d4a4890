import path from "node:path";

// `npm run backfill [-- --force] [-- --admin <email> | --admin-sub <sub> [--admin-name <name>]]`: the one-off
// backfills (lib/maintenance/) as a command: developed posters' prompts, then makers for the records from before
// makers were recorded (they become the admin's: by default the first of ONESHEET_ADMIN_EMAILS, who must have
// signed in once so that their OpenID subject is known).
// With ONESHEET_BUCKET set it runs against AWS (ONESHEET_TABLE, AWS_REGION and the usual credentials, as the app
// reads them). Otherwise against the offline data folder (ONESHEET_DATA_DIR, default .onesheet-data): it starts
// the local stack on it itself, so stop `npm run dev` first (DynamoDB's files can be open in one process only).
// The launcher (local/start.ts) runs it at every start offline (each backfill answers from its record after its first
// run); on AWS it is run once, by hand, before deploying a version that needs it.

const args = process.argv.slice(2);
const force = args.includes("--force");
// The launcher's run: say only what changed.
const quiet = args.includes("--quiet");
const say = (line: string, changed: boolean) => {
  if (changed || !quiet) console.log(line);
};
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
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
const { backfillMakers } = await import("../lib/maintenance/backfill-makers");
const { findMemberByEmail } = await import("../lib/store/members");

/** Whose the records without a maker become: named by subject, or by the address an admin signed in with. */
async function adminToCredit(): Promise<{ sub: string; name: string }> {
  const sub = flag("--admin-sub");
  if (sub) return { sub, name: flag("--admin-name") ?? sub };
  const email = flag("--admin") ?? process.env.ONESHEET_ADMIN_EMAILS?.split(",")[0]?.trim();
  if (!email) throw new Error("name the admin who gets the records without a maker: --admin <email>");
  const member = await findMemberByEmail(email);
  if (!member) throw new Error(`nobody has signed in as ${email} yet: sign in once as that admin, then run this again`);
  return { sub: member.sub, name: member.name };
}

try {
  const prompts = await backfillPrompts({ force });
  say(
    prompts.status === "already-ran"
      ? `[onesheet] backfill prompts: already ran at ${prompts.ranAt} (${prompts.changed} posters changed then).`
      : `[onesheet] backfill prompts: read ${prompts.scanned} posters, changed ${prompts.changed}` +
          (prompts.skipped ? `, left ${prompts.skipped} that changed meanwhile` : "") +
          ".",
    prompts.status === "done" && prompts.changed > 0,
  );
  const makers = await backfillMakers({ admin: await adminToCredit(), force });
  say(
    makers.status === "already-ran"
      ? `[onesheet] backfill makers: already ran at ${makers.ranAt} (${makers.changed} records given ${makers.admin}).`
      : `[onesheet] backfill makers: scanned ${makers.scanned} items, gave ${makers.changed} records to ${makers.admin}.`,
    makers.status === "done" && makers.changed > 0,
  );
  if (prompts.status === "already-ran" && makers.status === "already-ran" && !force && !quiet)
    console.log(
      "[onesheet] backfill: nothing to do. Run with --force to go over the table again (it changes nothing already right).",
    );
} catch (error) {
  console.error(`[onesheet] backfill: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await stack?.stop();
}
