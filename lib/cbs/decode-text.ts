import { isUtf8 } from 'node:buffer';
import { FileRejected } from './file-rejected';

type TextEncoding = 'utf-8' | 'windows-1252';

/** Strict UTF-8 (with or without BOM), else Windows-1252: decided once, without copying the file. */
export function detectEncoding(buf: Buffer): { encoding: TextEncoding; start: number } {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    throw new FileRejected('Het bestand is in UTF-16 opgeslagen. Sla het op als UTF-8 of Windows-1252 (ANSI).');
  }
  if (buf.subarray(0, 65536).includes(0)) {
    throw new FileRejected('Het bestand bevat binaire gegevens en is geen tekst-, CSV- of Excelbestand.');
  }
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  return { encoding: isUtf8(buf.subarray(start)) ? 'utf-8' : 'windows-1252', start };
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
