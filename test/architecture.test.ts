import { describe, expect, it } from "vitest";
import { type ImportEdge, importsOf, isServerOnly, sourceFiles } from "./support/imports";

// The arrows that should never exist in the house (docs: how it is built): each rule lists the imports that break
// it, read from every file of app/, components/ and lib/ with a TypeScript parser (type imports included).
const root = process.cwd();
const edges = ["app", "components", "lib"].flatMap((dir) => sourceFiles(root, dir)).flatMap((f) => importsOf(root, f));

const broken = (rule: (e: ImportEdge) => boolean) =>
  edges.filter(rule).map((e) => `${e.from} → ${e.to}${e.typeOnly ? " (types)" : ""}`);

const inside = (module: string, folder: string) => module === folder || module.startsWith(`${folder}/`);

describe("the house's import rules", () => {
  it("components never reach server code: lib/aws, lib/store, the pipeline, any server-only module", () => {
    expect(
      broken(
        (e) =>
          inside(e.from, "components") &&
          (inside(e.to, "lib/aws") ||
            inside(e.to, "lib/store") ||
            e.to === "lib/posters/pipeline" ||
            isServerOnly(root, e.to)),
      ),
    ).toEqual([]);
  });

  it("the catalogue is pure (the browser imports it)", () => {
    expect(broken((e) => inside(e.from, "lib/models") && isServerOnly(root, e.to))).toEqual([]);
  });

  it("pages and routes go through a domain module, never lib/store or lib/aws", () => {
    expect(broken((e) => inside(e.from, "app") && (inside(e.to, "lib/store") || inside(e.to, "lib/aws")))).toEqual([]);
  });

  it("the app doesn't know it may run offline: nothing in app/ or lib/ imports local/", () => {
    expect(broken((e) => (inside(e.from, "app") || inside(e.from, "lib")) && inside(e.to, "local"))).toEqual([]);
  });

  it("the store is persistence only: no HTTP, no sign-in, no server-side domain module", () => {
    expect(
      broken(
        (e) =>
          inside(e.from, "lib/store") &&
          !inside(e.to, "lib/store") &&
          !inside(e.to, "lib/aws") &&
          (["lib/http", "lib/identity", "lib/permissions"].includes(e.to) || isServerOnly(root, e.to)),
      ),
    ).toEqual([]);
  });

  it("are read from real imports (a rule that sees nothing proves nothing)", () => {
    const studio = edges.filter((e) => e.from === "app/api/posters/route").map((e) => e.to);
    expect(studio).toEqual(expect.arrayContaining(["lib/http", "lib/posters/pipeline", "lib/posters/prepare"]));
    expect(edges.some((e) => e.typeOnly)).toBe(true);
  });
});
