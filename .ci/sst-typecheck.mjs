// Type-checks sst.config.ts against SST's own types, which `sst install` would write to .sst/platform but can't here
// (it downloads Pulumi from GitHub). They come from what npm already gave us:
//   1. SST's platform sources (components, global types, config) are embedded in the CLI binary npm installs
//      (node_modules/sst-linux-x64/bin/sst, a Go program): read out of its embed.FS table, byte for byte.
//   2. The Pulumi SDKs the platform pins (its package.json: @pulumi/pulumi, @pulumi/aws) are fetched from the npm
//      registry as tarballs, checked against the integrity written below, and unpacked without their dependencies:
//      their own declarations are what the config's arguments are typed with (skipLibCheck skips the rest).
//   3. .sst/platform/config.d.ts is written as `sst install` writes it (its template, pkg/project/install.go).
// Then `tsc -p tsconfig.sst.json`; errors in SST's own sources (providers we don't install: cloudflare, vercel, …) are
// not ours and are left out; any error in our files fails. Where a real `sst install` has run (.sst/platform without
// our marker), its types are used as they are.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const platform = path.join(root, ".sst/platform");
const marker = path.join(platform, ".onesheet-extracted");
const binary = path.join(root, "node_modules/sst-linux-x64/bin/sst");

// What SST 4.17.1's platform pins (its package.json), and their tarballs' sha512 on the registry.
const PULUMI = [
  {
    name: "@pulumi/pulumi",
    version: "3.215.0",
    integrity: "sha512-Q4yx/CUyyX8iHRGS4OpUNdS8ZxRnGRADsh6XrqBfqXzrWOd2K3SIivVPDwCKgcIFpHm/WgN6UTSYba0m7aLmjw==",
  },
  {
    name: "@pulumi/aws",
    version: "7.20.0",
    integrity: "sha512-f8efmjHXKRUQY4fojfw7vuWN7Q07Cz0bjqbIwD/qtOuz+qs+zrKWU50uAB0HcWXAxjI0ll4KslGu2oLRiMTxng==",
  },
];

/** Go's embed.FS: a table of {name, data string header, hash [16]byte} (48 bytes) pointing into the binary. */
function extractEmbedded(bytes, into) {
  const phoff = Number(bytes.readBigUInt64LE(0x20));
  const phentsize = bytes.readUInt16LE(0x36);
  const phnum = bytes.readUInt16LE(0x38);
  const segments = [];
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (bytes.readUInt32LE(at) !== 1) continue; // PT_LOAD
    segments.push({
      offset: Number(bytes.readBigUInt64LE(at + 8)),
      vaddr: Number(bytes.readBigUInt64LE(at + 16)),
      size: Number(bytes.readBigUInt64LE(at + 32)),
    });
  }
  const toAddress = (offset) => segments.find((s) => offset >= s.offset && offset < s.offset + s.size);
  const toOffset = (address) => {
    const s = segments.find((g) => address >= g.vaddr && address < g.vaddr + g.size);
    return s ? s.offset + (address - s.vaddr) : undefined;
  };
  // One file the table is known to hold: find its name, then the string header that points at it.
  const known = Buffer.from("src/components/aws/queue.ts");
  const nameAt = bytes.indexOf(known);
  const segment = nameAt >= 0 ? toAddress(nameAt) : undefined;
  if (!segment) throw new Error("SST's platform isn't in the CLI binary where expected");
  const header = Buffer.alloc(16);
  header.writeBigUInt64LE(BigInt(segment.vaddr + (nameAt - segment.offset)), 0);
  header.writeBigUInt64LE(BigInt(known.length), 8);
  let at = bytes.indexOf(header);
  if (at < 0) throw new Error("SST's embedded file table wasn't found");
  const entry = (p) => {
    if (p < 0 || p + 48 > bytes.length) return undefined;
    const nameLength = Number(bytes.readBigUInt64LE(p + 8));
    const nameOffset = toOffset(Number(bytes.readBigUInt64LE(p)));
    if (nameOffset === undefined || nameLength === 0 || nameLength > 300) return undefined;
    const name = bytes.subarray(nameOffset, nameOffset + nameLength).toString("utf8");
    if (!/^[\w./@+-]+$/.test(name)) return undefined;
    const dataLength = Number(bytes.readBigUInt64LE(p + 24));
    const dataOffset = dataLength ? toOffset(Number(bytes.readBigUInt64LE(p + 16))) : 0;
    if (dataOffset === undefined) return undefined;
    return { name, data: bytes.subarray(dataOffset, dataOffset + dataLength) };
  };
  while (entry(at - 48)) at -= 48;
  let files = 0;
  for (let e = entry(at); e; at += 48, e = entry(at)) {
    const target = path.join(into, e.name);
    if (!target.startsWith(into)) throw new Error(`unsafe path ${e.name}`);
    if (e.name.endsWith("/")) mkdirSync(target, { recursive: true });
    else {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, e.data);
      files++;
    }
  }
  return files;
}

function fetchPulumi(into) {
  const cache = path.join(root, "node_modules/.cache/sst-types");
  mkdirSync(cache, { recursive: true });
  for (const pkg of PULUMI) {
    const file = path.join(cache, `${pkg.name.replace("@", "").replace("/", "-")}-${pkg.version}.tgz`);
    if (!existsSync(file)) {
      execFileSync("npm", ["pack", `${pkg.name}@${pkg.version}`, "--pack-destination", cache, "--silent"], {
        stdio: ["ignore", "ignore", "inherit"],
      });
    }
    const integrity = `sha512-${createHash("sha512").update(readFileSync(file)).digest("base64")}`;
    if (integrity !== pkg.integrity) {
      rmSync(file);
      throw new Error(`${pkg.name}@${pkg.version}: integrity ${integrity}, expected ${pkg.integrity}`);
    }
    const target = path.join(into, "node_modules", pkg.name);
    mkdirSync(target, { recursive: true });
    execFileSync("tar", ["-xzf", file, "-C", target, "--strip-components=1"]);
  }
}

/** .sst/platform/config.d.ts as `sst install` writes it for one provider, aws (pkg/project/install.go writeTypes). */
const CONFIG_TYPES = `import "./src/global.d.ts"
import "../types.generated"
import { AppInput, App, Config } from "./src/config"
import * as _aws from "@pulumi/aws";


declare global {
  // @ts-expect-error
  export import aws = _aws
  interface Providers {
    providers?: {
      "aws"?:  (_aws.ProviderArgs & { version?: string }) | boolean | string;
    }
  }
  export const $config: (
    input: Omit<Config, "app"> & {
      app(input: AppInput): Omit<App, "providers"> & Providers;
    },
  ) => Config;
}
`;

if (!existsSync(platform) || existsSync(marker)) {
  const stamp = `${readFileSync(path.join(root, "node_modules/sst/package.json"), "utf8").match(/"version": "([^"]+)"/)?.[1]}`;
  if (!existsSync(marker) || readFileSync(marker, "utf8") !== stamp) {
    rmSync(platform, { recursive: true, force: true });
    mkdirSync(platform, { recursive: true });
    const files = extractEmbedded(readFileSync(binary), platform);
    fetchPulumi(platform);
    writeFileSync(path.join(platform, "config.d.ts"), CONFIG_TYPES);
    // What `sst dev`/`sst deploy` generate for linked resources: none are read by sst.config.ts itself.
    writeFileSync(path.join(root, ".sst/types.generated.ts"), "export {};\n");
    writeFileSync(marker, stamp);
    console.log(
      `SST ${stamp}: ${files} platform files from the CLI binary, with ${PULUMI.map((p) => `${p.name}@${p.version}`).join(", ")}`,
    );
  }
}

const tsc = spawnSync(path.join(root, "node_modules/.bin/tsc"), ["-p", "tsconfig.sst.json", "--pretty", "false"], {
  cwd: root,
  encoding: "utf8",
});
const diagnostics = `${tsc.stdout}${tsc.stderr}`.split("\n").filter((line) => /^\S.*\(\d+,\d+\): error /.test(line));
const ours = diagnostics.filter((line) => !line.startsWith(".sst/") && !line.includes("node_modules/"));
console.log(
  `sst.config.ts against SST's types: ${ours.length} error(s) in our files (${diagnostics.length - ours.length} in SST's own sources, not ours, left out)`,
);
for (const line of ours) console.error(line);
if (ours.length || (tsc.status !== 0 && diagnostics.length === 0)) {
  if (!diagnostics.length) console.error(tsc.stdout, tsc.stderr);
  process.exit(1);
}
