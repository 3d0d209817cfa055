import { Unzip, UnzipInflate } from 'fflate';
import { FileRejected } from './file-rejected';

// No workbook reader survives a zip bomb, and a zip's declared sizes can be forged. So every entry
// that is inflated is measured by the bytes it really unpacks to, as a stream: the file is refused
// as soon as they pass a cap, in total or against the entry's compressed bytes read so far. Memory
// stays at one piece (SLICE); time at most one pass over the cap. The upload's preflight inflates (and so measures) every
// entry; the import's reader inflates only the entries it reads (read-xlsx-records.ts), each measured
// as it is read, and skips the rest of the zip unpacked: an entry nobody inflates cannot explode.
const LIMITS = { entries: 2_000, totalBytes: 400 * 1024 * 1024, ratio: 200, ratioFloor: 10 * 1024 * 1024 };
/**
 * A zip is inflated a slice at a time, and fflate hands out what one slice inflates to in one piece:
 * deflate reaches ~1,030:1, so 64 KB of a bomb came out as one 67 MB buffer before anything could
 * count it. 8 KB slices keep that piece under ~8.5 MB; an ordinary workbook reads as fast (100,000
 * rows within the noise of 64 KB slices).
 */
export const SLICE = 8 * 1024;

const ZIP_BOMB = 'Het Excelbestand pakt uit tot een onredelijke omvang (mogelijk een zip-bom) en is geweigerd.';
const ZIP_BROKEN =
  'Het Excelbestand is beschadigd of onvolledig (de zip-structuur is niet leesbaar). Sla het opnieuw op als .xlsx.';

/** A zip's bytes in order: a buffer's, or a stored upload's slices as they are decrypted. */
export type ZipChunks = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
/** What reads an entry: each inflated chunk in order, `final` with the last. It must not throw. */
export type EntrySink = (chunk: Uint8Array, final: boolean) => void;
/** Which entries to inflate and read, by name; undefined: skipped unread. */
export type ReadEntries = (name: string) => EntrySink | undefined;

/** Inflates only the entries `wanted` names; fflate gives a decoder the entry's name. */
const inflateOnly = (wanted: (name: string) => boolean) =>
  class {
    static compression = 8;
    ondata: UnzipInflate['ondata'] = () => undefined;
    private readonly inflate?: UnzipInflate;
    constructor(name: string) {
      if (!wanted(name)) return;
      this.inflate = new UnzipInflate();
      this.inflate.ondata = (err, data, final) => this.ondata(err, data, final);
    }
    push(chunk: Uint8Array, final: boolean) {
      this.inflate?.push(chunk, final);
    }
  };

/**
 * A pass over a zip of `size` bytes, fed in order: `push` each chunk (false once the zip is refused as
 * a bomb: nothing more to read), then `finish`, which refuses a bomb or a broken zip with FileRejected
 * and returns the names of its entries in file order and the bytes unpacked. Without `read` every entry
 * is inflated and measured; with it, only those `read` takes, counted on from `unpackedBefore` (an
 * earlier pass over the same file). A chunk goes to the inflater in slices of at most SLICE.
 */
export function zipPass(size: number, read?: ReadEntries, unpackedBefore = 0) {
  let entries = 0;
  let total = unpackedBefore;
  // Bytes given to the inflater so far, and before the slice it is working on.
  let fed = 0;
  let fedBefore = 0;
  let verdict = null as 'bom' | 'kapot' | null; // set in the callbacks below
  const names: string[] = [];
  const sinks = new Map<string, EntrySink>();
  const unzip = new Unzip((file) => {
    entries += 1;
    names.push(file.name);
    if (entries > LIMITS.entries) {
      verdict = 'bom';
      return;
    }
    const sink = read?.(file.name);
    if (sink) sinks.set(file.name, sink);
    // The ratio is to the bytes read of the entry so far, not to its whole packed size: a bomb is then
    // refused after ratioFloor, however large it is, not after ratio x its packed size.
    const startedAt = fedBefore;
    const packed = () => Math.max(Math.min(fed - startedAt, file.size ?? size), 1);
    let unpacked = 0;
    file.ondata = (err, chunk, final) => {
      if (err) {
        verdict ??= 'kapot';
        return;
      }
      if (read && !sink) return; // skipped (a stored entry still passes its bytes through)
      unpacked += chunk.length;
      total += chunk.length;
      if (total > LIMITS.totalBytes || (unpacked > LIMITS.ratioFloor && unpacked / packed() > LIMITS.ratio)) {
        verdict = 'bom';
        file.terminate();
      } else sink?.(chunk, final);
    };
    try {
      file.start();
    } catch {
      verdict ??= 'kapot'; // a compression method no Excel file uses
    }
  });
  unzip.register(read ? inflateOnly((name) => sinks.has(name)) : UnzipInflate);
  const push = (chunk: Uint8Array, final: boolean) => {
    try {
      for (let i = 0; i < chunk.length && verdict !== 'bom'; i += SLICE) {
        const slice = chunk.subarray(i, i + SLICE);
        fedBefore = fed;
        fed += slice.length;
        unzip.push(slice);
      }
      if (final && verdict !== 'bom') unzip.push(new Uint8Array(0), true);
    } catch {
      verdict ??= 'kapot';
    }
    return verdict !== 'bom';
  };
  return {
    push: (chunk: Uint8Array) => push(chunk, false),
    finish(): { names: string[]; unpacked: number } {
      push(new Uint8Array(0), true);
      if (verdict === 'bom') throw new FileRejected(ZIP_BOMB);
      if (verdict === 'kapot' || entries === 0) throw new FileRejected(ZIP_BROKEN);
      return { names, unpacked: total };
    },
  };
}

/** Checks a zip held whole (the upload's preflight, a small file), every entry; returns its entries' names. */
export function checkZip(buf: Uint8Array): string[] {
  const check = zipPass(buf.length);
  check.push(buf);
  return check.finish().names;
}

/** A pass over a zip given in chunks (a stored upload's slices, never held whole): see zipPass. */
export async function zipPassOver(chunks: ZipChunks, size: number, read?: ReadEntries, unpackedBefore = 0) {
  const pass = zipPass(size, read, unpackedBefore);
  for await (const chunk of chunks) if (!pass.push(chunk)) break;
  return pass.finish();
}
