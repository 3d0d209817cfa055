import { Unzip, UnzipInflate } from 'fflate';
import { FileRejected } from './file-rejected';

// No Excel library survives a zip bomb, and a zip's declared sizes can be forged. So before exceljs
// sees the file, every entry is inflated once as a stream and only its real output is counted (and
// thrown away): the file is refused as soon as the bytes it really unpacks to pass a cap, in total or
// against its compressed size. Memory stays at one chunk; time at most one pass over the cap.
const LIMITS = { entries: 2_000, totalBytes: 400 * 1024 * 1024, ratio: 200, ratioFloor: 10 * 1024 * 1024 };
const SLICE = 64 * 1024;

const ZIP_BOMB = 'Het Excelbestand pakt uit tot een onredelijke omvang (mogelijk een zip-bom) en is geweigerd.';
const ZIP_BROKEN =
  'Het Excelbestand is beschadigd of onvolledig (de zip-structuur is niet leesbaar). Sla het opnieuw op als .xlsx.';

/** A zip's bytes in order: a buffer's, or a stored upload's slices as they are decrypted. */
export type ZipChunks = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * The check over a zip of `size` bytes, fed in order: `push` each chunk (false once the zip is refused
 * as a bomb: nothing more to read), then `finish`, which refuses a bomb or a broken zip with
 * FileRejected and returns the names of its entries in file order. A chunk goes to the inflater in
 * slices of at most SLICE, so it never holds more than one.
 */
function zipCheck(size: number) {
  let entries = 0;
  let total = 0;
  let verdict = null as 'bom' | 'kapot' | null; // set in the callbacks below
  const names: string[] = [];
  const unzip = new Unzip((file) => {
    entries += 1;
    names.push(file.name);
    if (entries > LIMITS.entries) {
      verdict = 'bom';
      return;
    }
    const packed = Math.max(file.size ?? size, 1);
    let unpacked = 0;
    file.ondata = (err, chunk) => {
      if (err) {
        verdict ??= 'kapot';
        return;
      }
      unpacked += chunk.length;
      total += chunk.length;
      if (total > LIMITS.totalBytes || (unpacked > LIMITS.ratioFloor && unpacked / packed > LIMITS.ratio)) {
        verdict = 'bom';
        file.terminate();
      }
    };
    try {
      file.start();
    } catch {
      verdict ??= 'kapot'; // a compression method no Excel file uses
    }
  });
  unzip.register(UnzipInflate);
  const push = (chunk: Uint8Array, final: boolean) => {
    try {
      for (let i = 0; i < chunk.length && verdict !== 'bom'; i += SLICE) unzip.push(chunk.subarray(i, i + SLICE));
      if (final && verdict !== 'bom') unzip.push(new Uint8Array(0), true);
    } catch {
      verdict ??= 'kapot';
    }
    return verdict !== 'bom';
  };
  return {
    push: (chunk: Uint8Array) => push(chunk, false),
    finish(): string[] {
      push(new Uint8Array(0), true);
      if (verdict === 'bom') throw new FileRejected(ZIP_BOMB);
      if (verdict === 'kapot' || entries === 0) throw new FileRejected(ZIP_BROKEN);
      return names;
    },
  };
}

/** Checks a zip held whole (the upload's preflight, a small file); returns its entries' names. */
export function checkZip(buf: Uint8Array): string[] {
  const check = zipCheck(buf.length);
  check.push(buf);
  return check.finish();
}

/** Checks a zip of `size` bytes given in chunks (a stored upload's slices, never held whole); returns its entries' names. */
export async function checkZipChunks(chunks: ZipChunks, size: number): Promise<string[]> {
  const check = zipCheck(size);
  for await (const chunk of chunks) if (!check.push(chunk)) break;
  return check.finish();
}
