import "server-only";
import { closeSync, openSync, writeSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { putFile } from "./aws/s3";

// An archive a job builds into S3 (a format pack, a campaign's deliverables): far more than a function's 6 MB
// answer, so it is handed out as a signed URL. fflate hands over each piece of the archive as it is made and it goes
// straight to a temporary file, so nothing piles up in memory; PNGs and PDFs are stored, not compressed again.

export interface ZipWriter {
  /** A file copied in as it streams (an S3 object's body). */
  addStream(name: string, stream: ReadableStream<Uint8Array>): Promise<void>;
  addBytes(name: string, bytes: Uint8Array): void;
  /** JSON, compressed (a manifest). */
  addJson(name: string, value: unknown): void;
}

/** Builds the archive with `fill` and stores it under `key`; its size in bytes. */
export async function writeZipToS3(key: string, fill: (zip: ZipWriter) => Promise<void>): Promise<number> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "onesheet-zip-"));
  const file = path.join(dir, "archive.zip");
  const fd = openSync(file, "w");
  let open = true;
  try {
    let failure: Error | null = null;
    const zip = new Zip((error, chunk) => {
      if (error) failure = error;
      else writeSync(fd, chunk);
    });
    await fill({
      async addStream(name, stream) {
        const entry = new ZipPassThrough(name);
        zip.add(entry);
        const reader = stream.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          entry.push(value);
        }
        entry.push(new Uint8Array(0), true);
      },
      addBytes(name, bytes) {
        const entry = new ZipPassThrough(name);
        zip.add(entry);
        entry.push(bytes, true);
      },
      addJson(name, value) {
        const entry = new ZipDeflate(name, { level: 6 });
        zip.add(entry);
        entry.push(new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`), true);
      },
    });
    zip.end();
    if (failure) throw failure;
    closeSync(fd);
    open = false;
    return await putFile(key, file, "application/zip");
  } finally {
    if (open) closeSync(fd);
    await rm(dir, { recursive: true, force: true });
  }
}
