// `npm test`: every check, in order, stopping at the first that fails, with the time each stage took printed at the
// end (CI's budget is spent here, so the slow stage is in plain sight). One Next build serves both the e2e tests
// (`next start` on .next) and the Lambda tests: OpenNext's build runs `npm run build` itself (in standalone mode,
// which adds .next/standalone and changes nothing `next start` reads), so the app is built once.
import { spawnSync } from "node:child_process";

const stages = [
  ["lint", "npm run lint"],
  ["typecheck", "npm run typecheck"],
  ["unit + integration (vitest)", "npm run test:unit"],
  ["build (Next.js, via OpenNext)", "npm run build:lambda"],
  ["e2e (Playwright)", "npm run test:e2e"],
  ["Lambda bundle, Node 20", "npm run test:lambda:bundle"],
  ["Lambda bundle, Node 24", "npm run test:lambda:runtime"],
];

const took = [];
let failed;
const started = Date.now();
for (const [name, command] of stages) {
  console.log(`\n--- ${name}: ${command}`);
  const t0 = Date.now();
  const { status } = spawnSync(command, { stdio: "inherit", shell: true });
  took.push([name, (Date.now() - t0) / 1000, status === 0]);
  if (status !== 0) {
    failed = name;
    break;
  }
}

const width = Math.max(...stages.map(([n]) => n.length));
console.log("\n--- time per stage");
for (const [name, seconds, ok] of took)
  console.log(`${name.padEnd(width)}  ${seconds.toFixed(1).padStart(6)} s${ok ? "" : "  FAILED"}`);
console.log(`${"all".padEnd(width)}  ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`);
if (failed) {
  console.error(`\nnpm test: "${failed}" failed (above).`);
  process.exit(1);
}
