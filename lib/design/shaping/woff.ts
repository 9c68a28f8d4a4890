import { inflateSync } from "node:zlib";

// HarfBuzz reads OpenType (sfnt) files, not WOFF: the bundled @fontsource faces ship WOFF (what satori reads) and
// WOFF2. A WOFF file is an sfnt whose tables are zlib-compressed one by one, so rebuilding the sfnt is a matter of
// inflating each table and writing the table directory anew (WOFF2 would need its glyf/loca transform undone too).

const SFNT_HEADER = 12;
const SFNT_RECORD = 16;
const WOFF_HEADER = 44;
const WOFF_RECORD = 20;

/** Whether `file` is a WOFF (1.0) file. */
export const isWoff = (file: Uint8Array) =>
  file[0] === 0x77 && file[1] === 0x4f && file[2] === 0x46 && file[3] === 0x46;

/** The sfnt (TrueType/OpenType) inside a WOFF file; any other file as it is. */
export function sfntFromWoff(file: Uint8Array): Uint8Array {
  if (!isWoff(file)) return file;
  const input = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const flavor = input.readUInt32BE(4);
  const count = input.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const entry = WOFF_HEADER + i * WOFF_RECORD;
    const offset = input.readUInt32BE(entry + 4);
    const compressed = input.readUInt32BE(entry + 8);
    const length = input.readUInt32BE(entry + 12);
    const stored = input.subarray(offset, offset + compressed);
    return {
      tag: input.subarray(entry, entry + 4),
      checksum: input.readUInt32BE(entry + 16),
      data: compressed < length ? inflateSync(stored) : stored,
    };
  });
  const padded = (n: number) => (n + 3) & ~3;
  const size = tables.reduce((n, t) => n + padded(t.data.length), SFNT_HEADER + count * SFNT_RECORD);
  const out = Buffer.alloc(size);
  // The binary-search fields of the directory header, as the OpenType spec defines them.
  const power = 2 ** Math.floor(Math.log2(Math.max(1, count)));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  let at = SFNT_HEADER + count * SFNT_RECORD;
  tables.forEach((table, i) => {
    const record = SFNT_HEADER + i * SFNT_RECORD;
    table.tag.copy(out, record);
    out.writeUInt32BE(table.checksum, record + 4);
    out.writeUInt32BE(at, record + 8);
    out.writeUInt32BE(table.data.length, record + 12);
    table.data.copy(out, at);
    at += padded(table.data.length);
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
