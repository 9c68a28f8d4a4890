import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ERROR_CATALOGUE } from "@/lib/errors";

// The README's error table is what script writers code against: every code the API can answer is in it, with its
// status, and it names no code the API doesn't have.
const readme = readFileSync("README.md", "utf8");
const table = readme.slice(readme.indexOf("### Errors"), readme.indexOf("## Point it at AWS"));
const rows = table.split("\n").filter((line) => line.startsWith("| `"));

describe("README error table", () => {
  it("documents every error code with its status, and only real ones", () => {
    const documented = new Map<string, string>();
    for (const row of rows) {
      const [codes = "", status = ""] = row.split("|").slice(1, 3);
      const statuses = status.split("/").map((s) => s.trim());
      [...codes.matchAll(/`([a-z_]+)`/g)].forEach((m, i) => {
        documented.set(m[1] as string, statuses[i] ?? statuses[0] ?? "");
      });
    }
    for (const [code, { status }] of Object.entries(ERROR_CATALOGUE)) {
      expect(documented.get(code), code).toBe(String(status));
    }
    expect([...documented.keys()].filter((c) => !(c in ERROR_CATALOGUE))).toEqual([]);
  });
});
