import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Counts the non-const `as` casts in app/, components/ and lib/ (code only: comments and strings blanked first):
// test/casts.test.ts keeps the number from growing, and the README states it.

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [file] : [];
  });
}

/** The code with comments and string/template literal contents blanked (a small lexer: enough for our sources). */
export function codeOnly(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? "";
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "/" && next === "*") {
      i = text.indexOf("*/", i + 2);
      i = i < 0 ? text.length : i + 2;
    } else if (c === '"' || c === "'" || c === "`") {
      i++;
      while (i < text.length && text[i] !== c) i += text[i] === "\\" ? 2 : 1;
      i++;
      out += `${c}${c}`;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function countCasts(root: string): { total: number; byFile: Record<string, number> } {
  const byFile: Record<string, number> = {};
  let total = 0;
  for (const dir of ["app", "components", "lib"]) {
    for (const file of sources(path.join(root, dir))) {
      // Renames are not casts: `import { a as b }`, `export { a as B }`, `import * as z`.
      const code = codeOnly(readFileSync(file, "utf8"))
        .replace(/\b(?:import|export)\s+(?:type\s+)?\{[^}]*\}/g, "")
        .replace(/\*\s+as\s+\w+/g, "");
      const found = code.match(/\bas\s+(?!const\b)[A-Za-z_{[(]/g)?.length ?? 0;
      if (found) byFile[path.relative(root, file)] = found;
      total += found;
    }
  }
  return { total, byFile };
}
