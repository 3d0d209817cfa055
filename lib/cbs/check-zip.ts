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

export function checkZip(buf: Uint8Array) {
  let entries = 0;
  let total = 0;
  let verdict = null as 'bom' | 'kapot' | null; // set in the callbacks below
  const unzip = new Unzip((file) => {
    entries += 1;
    if (entries > LIMITS.entries) {
      verdict = 'bom';
      return;
    }
    const packed = Math.max(file.size ?? buf.length, 1);
    let size = 0;
    file.ondata = (err, chunk) => {
      if (err) {
        verdict ??= 'kapot';
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (total > LIMITS.totalBytes || (size > LIMITS.ratioFloor && size / packed > LIMITS.ratio)) {
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
  try {
    for (let i = 0; i < buf.length && verdict !== 'bom'; i += SLICE)
      unzip.push(buf.subarray(i, i + SLICE), i + SLICE >= buf.length);
  } catch {
    verdict ??= 'kapot';
  }
  if (verdict === 'bom') throw new FileRejected(ZIP_BOMB);
  if (verdict === 'kapot' || entries === 0) throw new FileRejected(ZIP_BROKEN);
}
