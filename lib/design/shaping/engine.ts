import "server-only";

// HarfBuzz (harfbuzzjs: the shaping library compiled to WebAssembly) is loaded on first use, not when a module that
// may shape is imported: compiling the wasm takes a noticeable moment (docs/lettering.md has the figure), and most
// requests never set type.

export type HarfBuzz = typeof import("harfbuzzjs");

let engine: Promise<HarfBuzz> | undefined;
let loadMs: number | undefined;

export function harfbuzz(): Promise<HarfBuzz> {
  engine ??= (async () => {
    const began = performance.now();
    const hb = await import("harfbuzzjs");
    loadMs = performance.now() - began;
    return hb;
  })();
  return engine;
}

/** How long loading and compiling the engine took, once it has loaded (for the bench and docs). */
export const engineLoadMs = () => loadMs;
