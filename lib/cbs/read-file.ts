import { FileRejected } from './file-rejected';
import { foreignFileKind, foreignFileMessage } from './foreign-file';
import { type ReadRow, readTextRecords } from './read-text-records';
import { readXlsx } from './read-xlsx-records';

/** Recognises the file by its content (not its name) and returns its rows; FileRejected when unreadable. */
export function openFile(buf: Buffer): AsyncIterable<ReadRow> | Iterable<ReadRow> {
  if (buf.length === 0) throw new FileRejected('Het bestand is leeg.');
  const foreign = foreignFileKind(buf);
  if (foreign) throw new FileRejected(foreignFileMessage(foreign));
  if (buf[0] === 0x50 && buf[1] === 0x4b) return readXlsx(buf);
  if (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    throw new FileRejected(
      'Oude Excelbestanden (.xls) worden niet ondersteund. Sla het bestand op als .xlsx of als CSV.',
    );
  }
  return readTextRecords(buf);
}

export type { ReadRow };
export { FileRejected };
