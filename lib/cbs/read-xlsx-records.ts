import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { checkZipChunks, type ZipChunks } from './check-zip';
import { FileRejected } from './file-rejected';
import { foreignFileMessage, foreignZipKind } from './foreign-file';
import { mapHeader, recordFromCells } from './header-columns';
import type { ColumnKey } from './layout';
import type { ReadRow } from './read-text-records';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A cell as the text a provider meant; formulas keep their "=" so validation refuses them. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}${pad(v.getUTCMonth() + 1)}${pad(v.getUTCDate())}`;
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return `=${(v as { formula?: string }).formula ?? ''}`;
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
    return '';
  }
  return String(v);
}

/**
 * The rows of a workbook's first sheet. `chunks` gives the file's bytes afresh at each call; they are
 * read twice, once for the zip check (checkZipChunks) and then by ExcelJS as a stream, so the file is
 * never held whole: a stored upload's decrypted slices (given as one buffer, the file was held by the
 * reader and copied once more by ExcelJS's unzipper). An error of the chunks themselves (a stored
 * file that fails its tag) is thrown as it is, not as an unreadable workbook.
 */
export async function* readXlsx(chunks: () => ZipChunks, size: number): AsyncGenerator<ReadRow> {
  const foreign = foreignZipKind(await checkZipChunks(chunks(), size));
  if (foreign) throw new FileRejected(foreignFileMessage(foreign));
  let chunksFailed = false;
  let chunksError: unknown;
  async function* read() {
    try {
      yield* chunks();
    } catch (err) {
      [chunksFailed, chunksError] = [true, err];
      throw err;
    }
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(read(), { objectMode: false }), {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
  });
  let columns: (ColumnKey | null)[] | null = null;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
        if (!columns) {
          columns = mapHeader(
            values,
            'Het eerste werkblad begint niet met een kopregel met de veldnamen (agb_code, pseudo_id, …).',
          );
          continue;
        }
        const raw = recordFromCells(values, columns);
        if (Object.values(raw).every((v) => v.trim() === '')) continue;
        yield { line: row.number, raw };
      }
      break; // first sheet only
    }
  } catch (err) {
    if (chunksFailed) throw chunksError;
    if (err instanceof FileRejected) throw err;
    throw new FileRejected(`Het Excelbestand kon niet worden gelezen: ${(err as Error).message.slice(0, 120)}`);
  }
  if (!columns) throw new FileRejected('Het Excelbestand bevat geen gegevens op het eerste werkblad.');
}
