import { isUtf8 } from 'node:buffer';
import { FileRejected } from './file-rejected';

type TextEncoding = 'utf-8' | 'windows-1252';

/**
 * Strict UTF-8 (with or without BOM), else Windows-1252: decided once, without copying the file.
 * `wholeIsUtf8`: the answer for the whole file when `buf` is only its head (a file read in slices).
 */
export function detectEncoding(buf: Buffer, wholeIsUtf8?: boolean): { encoding: TextEncoding; start: number } {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    throw new FileRejected('Het bestand is in UTF-16 opgeslagen. Sla het op als UTF-8 of Windows-1252 (ANSI).');
  }
  if (buf.subarray(0, 65536).includes(0)) {
    throw new FileRejected('Het bestand bevat binaire gegevens en is geen tekst-, CSV- of Excelbestand.');
  }
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  // A BOM is valid UTF-8 itself: the whole file's answer includes it and is the same.
  return { encoding: (wholeIsUtf8 ?? isUtf8(buf.subarray(start))) ? 'utf-8' : 'windows-1252', start };
}

/**
 * isUtf8 over a file that arrives in slices: a character cut by a slice's end is carried over to the
 * next. `push` each slice, then `whole()` answers for all of them.
 */
export function utf8Check() {
  let valid = true;
  let carry = Buffer.alloc(0);
  return {
    push(slice: Buffer) {
      if (!valid) return;
      const bytes = carry.length ? Buffer.concat([carry, slice]) : slice;
      const cut = completeCharsEnd(bytes);
      valid = isUtf8(bytes.subarray(0, cut));
      carry = Buffer.from(bytes.subarray(cut));
    },
    whole: () => valid && carry.length === 0,
  };
}

/** Where the last complete UTF-8 character of `bytes` ends (a cut lead byte and its continuation bytes come after). */
function completeCharsEnd(bytes: Buffer): number {
  let lead = bytes.length - 1;
  while (lead > bytes.length - 4 && lead > 0 && (bytes[lead] & 0xc0) === 0x80) lead -= 1;
  if (lead < 0) return bytes.length;
  const b = bytes[lead];
  const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return lead + size > bytes.length ? lead : bytes.length;
}

const cp1252 = new TextDecoder('windows-1252');

/**
 * The file's lines, decoded one at a time (a 1-million-row file is never one big string). With `at`,
 * a part of a file whose encoding is known, starting at byte `at.start` with line number `at.line`.
 */
export function* textLines(
  buf: Buffer,
  at?: { encoding: TextEncoding; start: number; line: number },
): Generator<{ line: number; text: string; start: number; end: number }> {
  const { encoding, start } = at ?? detectEncoding(buf);
  const decode =
    encoding === 'utf-8'
      ? (a: number, b: number) => buf.toString('utf8', a, b)
      : (a: number, b: number) => cp1252.decode(buf.subarray(a, b));
  let pos = start;
  let line = at ? at.line - 1 : 0;
  while (pos < buf.length) {
    let end = buf.indexOf(0x0a, pos);
    if (end === -1) end = buf.length;
    line += 1;
    const stop = end > pos && buf[end - 1] === 0x0d ? end - 1 : end;
    yield { line, text: decode(pos, stop), start: pos, end: end + 1 };
    pos = end + 1;
  }
}
