import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { FileRejected } from './file-rejected';
import { mapHeader, recordFromCells } from './header-columns';
import type { FieldKey } from './layout';
import type { ReadRow } from './read-text-records';

// No Excel library survives a zip bomb: read the zip's directory first (declared sizes, ratio,
// entry count) without inflating anything, and only then let exceljs stream the first sheet.
const LIMITS = { entries: 2_000, totalBytes: 400 * 1024 * 1024, ratio: 200 };

export function checkZip(buf: Uint8Array) {
  let entries = 0;
  let total = 0;
  try {
    unzipSync(buf, {
      filter: (file) => {
        entries += 1;
        total += file.originalSize;
        if (file.size > 0 && file.originalSize / file.size > LIMITS.ratio && file.originalSize > 10 * 1024 * 1024) {
          throw new FileRejected(
            'Het Excelbestand pakt uit tot een onredelijke omvang (mogelijk een zip-bom) en is geweigerd.',
          );
        }
        return false; // never inflate here
      },
    });
  } catch (err) {
    if (err instanceof FileRejected) throw err;
    throw new FileRejected(
      'Het Excelbestand is beschadigd of onvolledig (de zip-structuur is niet leesbaar). Sla het opnieuw op als .xlsx.',
    );
  }
  if (entries > LIMITS.entries || total > LIMITS.totalBytes) {
    throw new FileRejected(
      'Het Excelbestand pakt uit tot een onredelijke omvang (mogelijk een zip-bom) en is geweigerd.',
    );
  }
}

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

export async function* readXlsx(buf: Buffer): AsyncGenerator<ReadRow> {
  checkZip(buf);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buf), {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
  });
  let columns: (FieldKey | null)[] | null = null;
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
    if (err instanceof FileRejected) throw err;
    throw new FileRejected(`Het Excelbestand kon niet worden gelezen: ${(err as Error).message.slice(0, 120)}`);
  }
  if (!columns) throw new FileRejected('Het Excelbestand bevat geen gegevens op het eerste werkblad.');
}
