import type { InitializeHandlerArguments, InitializeHandlerOutput, MetadataBearer } from "@smithy/types";
import { describe, expect, it } from "vitest";
import { PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { awsClients } from "@/lib/aws/clients";
import type { ErrorBody } from "@/lib/errors";
import { getPoster } from "@/lib/store/posters";
import { client } from "../support/api";
import { authed, withLocalStack } from "../support/local-stack";

// Saving a design stores two objects (the composed PNG and its thumbnail) and then the item that names them. If
// either upload fails, nothing of the attempt may stay in the bucket and the poster must be exactly as it was.
// The fault is injected in the app's real S3 client, the layer a lost connection would hit: the request either
// never leaves (refused) or reaches s3rver and is stored, but its answer is lost (the client sees an error).
const local = withLocalStack();

type Fault = "refused" | "stored, answer lost";
let fault: { suffix: string; kind: Fault } | undefined;
let installed = false;
const inFlight = new Set<Promise<unknown>>();

function installFault() {
  if (installed) return;
  installed = true;
  awsClients().s3.middlewareStack.add(
    (next, context) => async (args: InitializeHandlerArguments<object>) => {
      const key = (args.input as { Key?: string }).Key ?? "";
      const hit = context.commandName === "PutObjectCommand" && fault && key.endsWith(fault.suffix);
      const kind = hit ? fault?.kind : undefined;
      const run = (async (): Promise<InitializeHandlerOutput<MetadataBearer>> => {
        if (kind === "refused") throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
        const result = await next(args);
        if (kind) throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
        return result as InitializeHandlerOutput<MetadataBearer>;
      })();
      inFlight.add(run);
      run.catch(() => {}).finally(() => inFlight.delete(run));
      return run;
    },
    { step: "initialize", name: "testFault" },
  );
}

/** Waits until no S3 request the app started is still going (an upload outliving the failure would land later). */
async function settled() {
  while (inFlight.size) await Promise.allSettled([...inFlight]);
  await new Promise((r) => setTimeout(r, 50));
}

const put = (id: string, body: unknown) =>
  saveDesign(authed(`http://studio.test/api/posters/${id}/design`, { method: "PUT", body: JSON.stringify(body) }), {
    params: Promise.resolve({ id }),
  });

describe("saving a design is all or nothing", () => {
  it.each<[string, string, Fault]>([
    ["thumbnail upload refused", ".webp", "refused"],
    ["thumbnail stored but its answer lost", ".webp", "stored, answer lost"],
    ["composed PNG stored but its answer lost", ".png", "stored, answer lost"],
  ])("%s: no new object stays, the poster and its previous design are untouched", async (_name, suffix, kind) => {
    const poster = (await client.createPoster({ prompt: `a pier in fog, ${kind} ${suffix}`, seed: 21 })).body;
    const first = await put(poster.id, { template: "classic", title: "First Cut" });
    expect(first.status, await first.clone().text()).toBe(200);
    const before = { item: await getPoster(poster.id), keys: await local.objectKeys() };
    expect(before.keys.filter((k) => k.startsWith(`posters/${poster.id}/composed-`))).toHaveLength(2);

    installFault();
    fault = { suffix, kind };
    try {
      const response = await put(poster.id, { template: "classic", title: "Second Cut" });
      // An S3 fault is the server's, not the request's (today "internal"; the point here is what is left behind).
      expect(response.status).toBeGreaterThanOrEqual(500);
      expect(((await response.json()) as ErrorBody).error.requestId).toBeTruthy();
      await settled();
    } finally {
      fault = undefined;
    }

    expect(await local.objectKeys()).toEqual(before.keys);
    expect(await getPoster(poster.id)).toEqual(before.item);
    const shown = (await client.getPoster(poster.id)).body;
    expect(shown.design?.title).toBe("First Cut");
    expect((await fetch(shown.url)).status).toBe(200);
  });
});
