import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

// The Lambda server function OpenNext builds (`npm run build:lambda`): its size on disk drives cold starts.
const FUNCTION_DIR = ".open-next/server-functions/default";

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) return [];
    return entry.isDirectory() ? walk(full) : [full];
  });
}

export function lambdaBundleSize(): { files: number; bytes: number; zipped: number } | undefined {
  if (!existsSync(FUNCTION_DIR)) return undefined;
  const files = walk(FUNCTION_DIR);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  // Roughly what the deployment zip weighs: each file compressed on its own, as zip does.
  const zipped = files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 6 }).byteLength, 0);
  return { files: files.length, bytes, zipped };
}
