import { type ChildProcess, spawn } from "node:child_process";
import { SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { afterAll, describe, expect, it } from "vitest";
import { POST as packRoute } from "@/app/api/posters/[id]/pack/route";
import { deleteObjects, putObject } from "@/lib/aws/s3";
import { recentSpending } from "@/lib/spending";
import { jobCallKey } from "@/lib/storage";
import { getJob } from "@/lib/store/jobs";
import { spentCents, utcDay } from "@/lib/store/ledger";
import { getPoster } from "@/lib/store/posters";
import { keys } from "@/lib/store/table";
import { sweep } from "@/lib/sweeper";
import { client } from "../support/api";
import { encode } from "../support/images";
import { startWorker, stopWorker, waitFor } from "../support/jobs";
import { authed, withLocalStack } from "../support/local-stack";

// The job queue's promises, on the real offline stack (fauxqs speaking SQS, a worker polling it as Lambda's event
// source does): a worker killed mid-job leaves its message to come back, and the job finishes once with nothing
// charged twice; a message that fails every time ends in the dead-letter queue, its job "failed" with the reason.
// Leases are 2 s here, so a dead worker's job comes back in seconds rather than a minute.
const local = withLocalStack({ env: { ONESHEET_JOB_LEASE_SECONDS: "2" } });

const SITE = "http://studio.test";
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function queuePack(keyArtId: string, formats: string[]): Promise<string> {
  const response = await packRoute(
    authed(`${SITE}/api/posters/${keyArtId}/pack`, { method: "POST", body: JSON.stringify({ formats }) }),
    params(keyArtId),
  );
  const body = (await response.json()) as { jobId: string };
  expect(response.status, JSON.stringify(body)).toBe(202);
  return body.jobId;
}

const ended = (id: string) =>
  waitFor(
    () => getJob(id),
    (job) => job?.status === "done" || job?.status === "failed",
    90_000,
  );

let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill("SIGKILL");
});

/** The launcher's worker as its own process, with this file's environment (the local stack's endpoints): one
 * process (tsx as a loader, not its CLI, which would run the worker in a child a kill wouldn't reach). */
function workerProcess(): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "local/job-worker.ts"], {
    env: { ...process.env, ONESHEET_JOB_WORKERS: "1" },
    stdio: "ignore",
  });
}

const entriesFor = async (posterIds: string[]) =>
  ((await recentSpending(1))[0]?.entries ?? []).filter((e) => e.posterId && posterIds.includes(e.posterId));

describe("a worker killed mid-job", () => {
  it("leaves the message to be received again: the job finishes once, every model call charged exactly once", async () => {
    // Each model call takes 1.5 s, so the kill lands between calls with some made and charged, others not.
    const keyArt = (await client.createPoster({ prompt: "a harbour at dawn [latency:1500]", seed: 3 })).body;
    const formats = ["widescreen", "square", "story", "cinemascope"];
    const jobId = await queuePack(keyArt.id, formats);
    child = workerProcess();
    await waitFor(
      () => getJob(jobId),
      (job) =>
        job?.type === "pack" &&
        Object.values(job.steps).some((s) => Object.keys(s.charged).length > 0) &&
        Object.values(job.steps).some((s) => s.status === "pending"),
      60_000,
    );
    child.kill("SIGKILL");
    await new Promise((resolve) => child?.once("exit", resolve));
    const killedAt = await getJob(jobId);
    expect(killedAt?.status).toBe("running");

    // Another worker gets the message once the dead one's lease (2 s) runs out, and carries on from its steps.
    startWorker();
    const job = await ended(jobId);
    await stopWorker();
    expect(job?.status, JSON.stringify(job)).toBe("done");
    expect(job?.attempts).toBeGreaterThanOrEqual(2);
    if (job?.type !== "pack") throw new Error("not a pack");

    // One poster per format, no duplicates among the key art's versions.
    const ids = formats.map((f) => job.steps[f]?.posterId ?? "");
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(await getPoster(id)).toBeDefined();
    expect((await client.getPoster(keyArt.id)).body.versions.sort()).toEqual([...ids].sort());

    // Exactly one charge per model call: four reframes at 6¢ and the story's Fast Upscale at 3¢.
    const entries = await entriesFor(ids);
    expect(entries.map((e) => e.cents).sort()).toEqual([3, 6, 6, 6, 6]);
    const charged = Object.values(job.steps).flatMap((s) => Object.values(s.charged));
    expect(charged.sort()).toEqual([3, 6, 6, 6, 6]);

    // What the dead worker had reserved and never settled is the sweeper's: once it has run, the day's total is the
    // ledger's sum again.
    await sweep(Date.now() + 10 * 60_000);
    const day = utcDay();
    const all = (await recentSpending(1))[0]?.entries ?? [];
    expect(await spentCents(keys.ledgerTotal(day))).toBe(all.reduce((sum, e) => sum + e.cents, 0));
  }, 150_000);

  it("charges, once and without calling the model again, an answer a dead worker stored but never charged", async () => {
    const keyArt = (await client.createPoster({ prompt: "a pier at night", seed: 4 })).body;
    const jobId = await queuePack(keyArt.id, ["widescreen"]);
    // What the dead worker left: Reframe's answer under the job's key, no charge, no step record.
    const answer = await encode(2219, 1216, (x, y) => [(x * 3) % 256, (y * 5) % 256, 90]);
    await putObject(jobCallKey(jobId, "widescreen", "reframe"), answer, "image/png");
    const calls = local.stack.emulator.calls.length;
    startWorker();
    const job = await ended(jobId);
    await stopWorker();
    expect(job?.status).toBe("done");
    if (job?.type !== "pack") throw new Error("not a pack");
    expect(local.stack.emulator.calls.length).toBe(calls);
    const posterId = job.steps.widescreen?.posterId ?? "";
    expect((await entriesFor([posterId])).map((e) => e.cents)).toEqual([6]);
    expect(job.steps.widescreen?.charged).toEqual({ reframe: 6 });
  }, 60_000);
});

describe("a poison message", () => {
  it("lands in the dead-letter queue after 3 receives, and its job says failed with the reason", async () => {
    const keyArt = (await client.createPoster({ prompt: "a lighthouse, soon without its art", seed: 5 })).body;
    const record = await getPoster(keyArt.id);
    // The art is gone from storage: every attempt fails reading it (not a reason to give up at once: S3 may be
    // having a moment), so the job is tried three times and then given up.
    await deleteObjects([record?.imageKey ?? ""]);
    const jobId = await queuePack(keyArt.id, ["one-sheet"]);
    startWorker();
    const job = await ended(jobId);
    expect(job?.status).toBe("failed");
    expect(job?.attempts).toBe(3);
    expect(job?.error?.code).toBe("job_failed");
    expect(job?.error?.message).toMatch(/^The job couldn't be finished\. It failed 3 times: /);
    await waitFor(
      () => local.stack.queues.deadLetters(),
      (bodies) => bodies.includes(JSON.stringify({ jobId })),
      30_000,
    );
    await stopWorker();
  }, 90_000);

  it("a message that names no job goes to the dead-letter queue too", async () => {
    const sqs = new SQSClient({
      region: "us-west-2",
      endpoint: process.env.ONESHEET_SQS_ENDPOINT,
      requestHandler: new NodeHttpHandler(),
    });
    await sqs.send(new SendMessageCommand({ QueueUrl: process.env.ONESHEET_JOBS_QUEUE_URL, MessageBody: "not a job" }));
    startWorker();
    await waitFor(
      () => local.stack.queues.deadLetters(),
      (bodies) => bodies.includes("not a job"),
      30_000,
    );
    await stopWorker();
    sqs.destroy();
  }, 60_000);
});
