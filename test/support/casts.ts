import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "@babel/parser";

// Finds the type assertions in app/, components/ and lib/ with a real TypeScript parser (Babel's), so words in JSX
// text or strings ("Signed in as …") aren't mistaken for casts and renames (`import { a as b }`) aren't counted:
// every `x as T` and `<T>x` except `as const` (which narrows, it doesn't override the checker).
// test/casts.test.ts keeps the number from growing and asks each one for a comment saying why; the README states it.

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [file] : [];
  });
}

export interface Cast {
  file: string;
  line: number;
  /** The source text of the cast's line. */
  text: string;
  /** A comment on the cast's line or the line(s) just above it (what the target asks for: why it is there). */
  explained: boolean;
}

type Node = { type: string; start?: number | null; loc?: { start: { line: number } } | null };

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && typeof Reflect.get(value, "type") === "string";

function isConstAssertion(node: Node): boolean {
  const annotation = Reflect.get(node, "typeAnnotation");
  if (!isNode(annotation) || annotation.type !== "TSTypeReference") return false;
  const name = Reflect.get(annotation, "typeName");
  return isNode(name) && name.type === "Identifier" && Reflect.get(name, "name") === "const";
}

function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (!isNode(node)) return;
  visit(node);
  for (const key of Object.keys(node)) {
    if (key === "loc" || key === "leadingComments" || key === "trailingComments" || key === "innerComments") continue;
    walk(Reflect.get(node, key), visit);
  }
}

/** The casts of one file's source text. */
export function castsIn(file: string, source: string): Cast[] {
  const ast = parse(source, {
    sourceType: "module",
    plugins: ["typescript", ...(file.endsWith(".tsx") ? (["jsx"] as const) : [])],
    errorRecovery: false,
  });
  const lines = source.split("\n");
  const commentLines = new Set<number>();
  for (const comment of ast.comments ?? []) {
    const start = comment.loc?.start.line ?? 0;
    const end = comment.loc?.end.line ?? start;
    for (let line = start; line <= end; line++) commentLines.add(line);
  }
  const casts: Cast[] = [];
  walk(ast.program, (node) => {
    if (node.type !== "TSAsExpression" && node.type !== "TSTypeAssertion") return;
    if (isConstAssertion(node)) return;
    const line = node.loc?.start.line ?? 0;
    // The comment may sit on the line itself or just above the statement (up to 3 lines up, for a wrapped call).
    const explained = [line, line - 1, line - 2, line - 3].some((l) => commentLines.has(l));
    casts.push({ file, line, text: (lines[line - 1] ?? "").trim(), explained });
  });
  return casts;
}

export function findCasts(root: string): Cast[] {
  return ["app", "components", "lib"].flatMap((dir) =>
    sources(path.join(root, dir)).flatMap((file) => castsIn(path.relative(root, file), readFileSync(file, "utf8"))),
  );
}
