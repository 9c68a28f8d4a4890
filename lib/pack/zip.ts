import { crc32, deflateRawSync } from "node:zlib";

// A small streaming ZIP writer (PKZIP 2.0: no ZIP64, so under 4 GB and 65,535 files, far beyond a pack). Each file
// is written as soon as it is produced, so only one is held at a time; PNGs are stored as they are (they are
// already compressed), text is deflated. Names are UTF-8 (flag bit 11).

export interface ZipFile {
  name: string;
  bytes: Uint8Array;
  /** Deflate it (worth it for text, not for PNG). */
  compress?: boolean;
}

const UTF8_NAMES = 0x0800;

function dosTime(date: Date): { time: number; day: number } {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2);
  const day = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return { time, day };
}

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

function localHeader(entry: Written, stamp: { time: number; day: number }): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(UTF8_NAMES, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(stamp.time, 10);
  header.writeUInt16LE(stamp.day, 12);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.compressed, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, entry.name]);
}

function centralRecord(entry: Written, stamp: { time: number; day: number }): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(UTF8_NAMES, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(stamp.time, 12);
  header.writeUInt16LE(stamp.day, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.compressed, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  // extra, comment, disk, internal attributes, external attributes: all zero.
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

function endRecord(count: number, size: number, offset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}

/** A ZIP of the files `source` yields, produced as they come. */
export function zipStream(source: AsyncIterable<ZipFile>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const stamp = dosTime(new Date());
  const written: Written[] = [];
  let offset = 0;
  let finished = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (finished) return;
      const next = await iterator.next();
      if (next.done) {
        const central = Buffer.concat(written.map((w) => centralRecord(w, stamp)));
        controller.enqueue(central);
        controller.enqueue(endRecord(written.length, central.length, offset));
        finished = true;
        controller.close();
        return;
      }
      const file = next.value;
      const data = file.compress ? deflateRawSync(file.bytes) : file.bytes;
      const entry: Written = {
        name: Buffer.from(file.name, "utf8"),
        method: file.compress ? 8 : 0,
        crc: crc32(file.bytes),
        compressed: data.byteLength,
        size: file.bytes.byteLength,
        offset,
      };
      const header = localHeader(entry, stamp);
      controller.enqueue(header);
      controller.enqueue(data instanceof Buffer ? data : Buffer.from(data));
      offset += header.length + data.byteLength;
      written.push(entry);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
