import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next.js resolves this to an empty module on the server; outside Next it would throw.
      "server-only": path.resolve(import.meta.dirname, "test/support/server-only.ts"),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    // The Lambda bundle's test needs `npm run build:lambda` first; `npm run test:lambda` runs it with node:test.
    exclude: ["test/lambda/**", "node_modules/**"],
    environment: "node",
    // Vitest's default is one worker fewer than the CPUs: on the 2-CPU CI machine that is one file at a time, and an
    // integration file spends much of its time waiting on its offline stack (HTTP servers in the same process, a
    // model's latency, a lease running out). One more worker than CPUs keeps both busy. Each file still runs in its
    // own process with its own stack, so none shares state with another.
    maxWorkers: os.availableParallelism() + 1,
    testTimeout: 30_000,
    // Expected error logs (faults are injected on purpose) are shown only for failing tests.
    silent: "passed-only",
    hookTimeout: 30_000,
  },
});
