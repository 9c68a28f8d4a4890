import { tables } from "./cmap";

// A font's PostScript name ("BebasNeue-Regular"), read from its `name` table (name ID 6): the name a PSD's text
// layer gives for its face, which is how Photoshop and other readers find the font installed on the machine.

const POSTSCRIPT_NAME = 6;
const WINDOWS = 3;
const MAC = 1;

export function postScriptName(file: Buffer): string | undefined {
  const table = tables(file).get("name");
  if (!table) return undefined;
  const count = table.readUInt16BE(2);
  const strings = table.readUInt16BE(4);
  let found: string | undefined;
  for (let i = 0; i < count; i++) {
    const record = 6 + i * 12;
    const platform = table.readUInt16BE(record);
    if (table.readUInt16BE(record + 6) !== POSTSCRIPT_NAME || (platform !== WINDOWS && platform !== MAC)) continue;
    const start = strings + table.readUInt16BE(record + 10);
    const bytes = table.subarray(start, start + table.readUInt16BE(record + 8));
    // Windows names are UTF-16BE; Mac Roman's PostScript names are plain ASCII.
    const name = platform === WINDOWS ? Buffer.from(bytes).swap16().toString("utf16le") : bytes.toString("latin1");
    if (platform === WINDOWS) return name;
    found ??= name;
  }
  return found;
}
