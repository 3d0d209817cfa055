import { FileRejected } from './file-rejected';
import { foreignFileKind, foreignFileMessage } from './foreign-file';
import { type ReadRow, readTextRecords } from './read-text-records';
import { readXlsx } from './read-xlsx-records';

/** A zip by its first bytes (an Excel workbook is one); what is in it, the zip check of readXlsx finds out. */
export const isZip = (buf: Buffer) => buf[0] === 0x50 && buf[1] === 0x4b;

/** What the file is by its content (not its name): an Excel workbook or text; FileRejected when neither. */
export function fileKind(buf: Buffer): 'xlsx' | 'text' {
  if (buf.length === 0) throw new FileRejected('Het bestand is leeg.');
  const foreign = foreignFileKind(buf);
  if (foreign) throw new FileRejected(foreignFileMessage(foreign));
  if (isZip(buf)) return 'xlsx';
  if (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    throw new FileRejected(
      'Oude Excelbestanden (.xls) worden niet ondersteund. Sla het bestand op als .xlsx of als CSV.',
    );
  }
  return 'text';
}

/** Recognises the file by its content and returns its rows; FileRejected when unreadable. */
export function openFile(buf: Buffer): AsyncIterable<ReadRow> | Iterable<ReadRow> {
  return fileKind(buf) === 'xlsx' ? readXlsx(() => [buf], buf.length) : readTextRecords(buf);
}

export type { ReadRow };
export { FileRejected };
