import { decodeText, type TextEncoding } from './decode-text';
import { FileRejected } from './file-rejected';
import { readTextRecords, type ReadRow } from './read-text-records';
import { readXlsx } from './read-xlsx-records';

export type FileFormat = 'csv of vaste breedte' | 'xlsx';
export type OpenedFile = { format: FileFormat; encoding: TextEncoding | null; rows: AsyncIterable<ReadRow> | Iterable<ReadRow> };

/** Recognises the file by its content (not its name) and returns its rows; FileRejected when unreadable. */
export function openFile(buf: Buffer): OpenedFile {
  if (buf.length === 0) throw new FileRejected('Het bestand is leeg.');
  if (buf[0] === 0x50 && buf[1] === 0x4b) return { format: 'xlsx', encoding: null, rows: readXlsx(buf) };
  if (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    throw new FileRejected('Oude Excelbestanden (.xls) worden niet ondersteund. Sla het bestand op als .xlsx of als CSV.');
  }
  const { text, encoding } = decodeText(buf);
  return { format: 'csv of vaste breedte', encoding, rows: readTextRecords(text) };
}

export { FileRejected };
export type { ReadRow };
