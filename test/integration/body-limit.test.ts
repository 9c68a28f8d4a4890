import { describe, expect, it } from "vitest";
import { POST as createBoard } from "@/app/api/boards/route";
import { authed, withLocalStack } from "../support/local-stack";

// A body over the 64 KB limit is refused as it streams in, not after it has all been read into memory.
withLocalStack();

const LIMIT = 64 * 1024;
const CHUNK = 16 * 1024;

/** A body of `total` bytes, produced only as fast as the server pulls it, with no content-length. */
function countedBody(total: number) {
  const counter = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= total) return controller.close();
        counter.pulled += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
      },
      cancel() {
        counter.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

const post = (body: ReadableStream<Uint8Array> | string) =>
  createBoard(
    authed("http://studio.test/api/boards", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit),
    {},
  );

describe("request body limit", () => {
  it("refuses a streamed body without content-length at the limit, having read little more than it", async () => {
    const { stream, counter } = countedBody(32 * 1024 * 1024);
    const response = await post(stream);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    expect(counter.pulled).toBeLessThanOrEqual(LIMIT + 2 * CHUNK);
    expect(counter.cancelled).toBe(true);
  });

  it("still accepts a streamed body under the limit", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ name: "streamed board" }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 5));
        controller.enqueue(bytes.slice(5));
        controller.close();
      },
    });
    const response = await post(stream);
    expect(response.status).toBe(201);
  });
});
