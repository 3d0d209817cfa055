import { FileRejected } from './file-rejected';

export type TextEncoding = 'utf-8' | 'windows-1252';

/** Strict UTF-8 first (with or without BOM); otherwise Windows-1252, the other encoding we accept. */
export function decodeText(buf: Uint8Array): { text: string; encoding: TextEncoding } {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    throw new FileRejected('Het bestand is in UTF-16 opgeslagen. Sla het op als UTF-8 of Windows-1252 (ANSI).');
  }
  if (buf.subarray(0, 65536).includes(0)) {
    throw new FileRejected('Het bestand bevat binaire gegevens en is geen tekst-, CSV- of Excelbestand.');
  }
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bom ? buf.subarray(3) : buf), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(buf), encoding: 'windows-1252' };
  }
}
