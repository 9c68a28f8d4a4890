"use client";

import { useState } from "react";
import { ApiError, api } from "@/lib/client/api";

// A market's ZIP (or every market's): asked for; if it is made already the browser is sent to it (a redirect to a
// short-lived signed URL, served as a download); otherwise a job makes it, followed here until it is done, and then
// the ZIP is asked for again and downloaded.

const EVERY_MS = 1000;
/** A ZIP of a few hundred files is made in well under a minute here; past this, say so rather than wait on. */
const PATIENCE_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForJob(statusUrl: string, until: number) {
  while (Date.now() < until) {
    const job = await api.jobStatus(statusUrl);
    if (job.status === "done") return;
    if (job.status === "failed") {
      throw new ApiError("job_failed", job.error?.message ?? "The ZIP couldn't be made: try again.");
    }
    await sleep(EVERY_MS);
  }
  throw new ApiError("timeout", "The ZIP is taking long to make: try the download again in a minute.");
}

export function useZipDownload(campaignId: string) {
  /** The market whose ZIP is being made ("all": every market's), if any. */
  const [making, setMaking] = useState<string | null>(null);
  const [message, setMessage] = useState("");

  async function download(market?: string) {
    const what = market ? `the ${market} ZIP` : "the ZIP of every market";
    setMaking(market ?? "all");
    setMessage(`Getting ${what} ready…`);
    const until = Date.now() + PATIENCE_MS;
    try {
      for (let asks = 1; ; asks++) {
        const answer = await api.deliverablesZip(campaignId, market);
        if (answer.ready) {
          window.location.assign(answer.url);
          setMessage(`Downloading ${what}.`);
          return;
        }
        setMessage(`Making ${what} (${answer.queued.files} files)…`);
        if (asks > 3) throw new ApiError("internal", `Couldn't make ${what}: try again.`);
        await waitForJob(answer.queued.statusUrl, until);
      }
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : `Couldn't make ${what}: try again.`);
    } finally {
      setMaking(null);
    }
  }

  return { making, message, download };
}
