import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "@babel/parser";

// The modules each source file imports (static imports, type imports, re-exports and dynamic import() of a string),
// resolved to repository paths ("lib/store/posters"), for test/architecture.test.ts.

export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

export function sourceFiles(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  return readdirSync(full).flatMap((name) => {
    const file = path.join(full, name);
    if (statSync(file).isDirectory()) return sourceFiles(root, path.join(dir, name));
    return /\.(ts|tsx|mjs)$/.test(name) && !name.endsWith(".d.ts") ? [path.join(dir, name)] : [];
  });
}

const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx", ""];

function resolve(root: string, from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.join(path.dirname(from), specifier);
  else return undefined; // a package
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    try {
      if (statSync(path.join(root, candidate)).isFile())
        return candidate.replace(/\.(tsx?|mjs)$/, "").replace(/\/index$/, "");
    } catch {}
  }
  return base;
}

export function importsOf(root: string, file: string): ImportEdge[] {
  const source = readFileSync(path.join(root, file), "utf8");
  const ast = parse(source, {
    sourceType: "module",
    plugins: ["typescript", ...(file.endsWith(".tsx") ? (["jsx"] as const) : [])],
  });
  const edges: ImportEdge[] = [];
  const add = (specifier: unknown, typeOnly: boolean) => {
    if (typeof specifier !== "string") return;
    const to = resolve(root, file, specifier);
    if (to) edges.push({ from: file.replace(/\.(tsx?|mjs)$/, ""), to, typeOnly });
  };
  for (const node of ast.program.body) {
    if (node.type === "ImportDeclaration") {
      const allTypes =
        node.importKind === "type" ||
        (node.specifiers.length > 0 &&
          node.specifiers.every((s) => s.type === "ImportSpecifier" && s.importKind === "type"));
      add(node.source.value, allTypes);
    } else if ((node.type === "ExportNamedDeclaration" || node.type === "ExportAllDeclaration") && node.source) {
      add(node.source.value, node.exportKind === "type");
    }
  }
  // import("…") anywhere (sst.config.ts, lazy components).
  for (const match of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) add(match[1], false);
  return edges;
}

/** Whether a module starts with `import "server-only"` (what the bundler keeps out of the browser). */
export function isServerOnly(root: string, module: string): boolean {
  for (const ext of [".ts", ".tsx"]) {
    try {
      return /^\s*import\s+["']server-only["']/m.test(
        readFileSync(path.join(root, module + ext), "utf8").slice(0, 400),
      );
    } catch {}
  }
  return false;
}
