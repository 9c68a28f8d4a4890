import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/posters/route";
import { serverTimingHeader } from "@/lib/server-timing";
import { authed, withLocalStack } from "../support/local-stack";

// Every API answer says where its time went (Server-Timing): what `npm run bench` reads to tell the app's own work
// from the waits on the stores and the model.
withLocalStack();

const phasesOf = (header: string | null) =>
  new Map(
    (header ?? "").split(", ").map((entry) => {
      const [name = "", dur = ""] = entry.split(";dur=");
      return [name, Number(dur)];
    }),
  );

describe("Server-Timing", () => {
  it("names each phase of a generation, and the total is at least their longest", async () => {
    const response = await POST(
      authed("http://localhost/api/posters", {
        method: "POST",
        body: JSON.stringify({ prompt: "a harbor, timed", seed: 5 }),
      }),
      {},
    );
    expect(response.status).toBe(201);
    const phases = phasesOf(response.headers.get("server-timing"));
    expect([...phases.keys()]).toEqual(
      expect.arrayContaining(["auth", "prepare", "admit", "model", "decode", "thumbnail", "files", "settle", "view"]),
    );
    const total = phases.get("total") ?? 0;
    for (const [name, ms] of phases) {
      expect(ms, name).toBeGreaterThanOrEqual(0);
      expect(ms, name).toBeLessThanOrEqual(total);
    }
    // The model's time is part of the total, and the files are stored after the model has answered.
    expect(total).toBeGreaterThanOrEqual((phases.get("model") ?? 0) + (phases.get("files") ?? 0));
  });

  it("is on error answers too", async () => {
    const response = await POST(
      authed("http://localhost/api/posters", { method: "POST", body: JSON.stringify({ prompt: "" }) }),
      {},
    );
    expect(response.status).toBe(400);
    expect(phasesOf(response.headers.get("server-timing")).has("auth")).toBe(true);
  });

  it("sums a phase that ran more than once", () => {
    expect(
      serverTimingHeader([
        { name: "auth", ms: 1.04 },
        { name: "auth", ms: 2 },
        { name: "total", ms: 9 },
      ]),
    ).toBe("auth;dur=3.0, total;dur=9.0");
  });
});
