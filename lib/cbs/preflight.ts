import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { looksLikeBsn } from './bsn';
import { checkZip } from './check-zip';
import { FileRejected } from './file-rejected';
import { csvDelimiter, mapHeader } from './header-columns';
import { FIELDS, FIXED_WIDTH_LENGTH, FIXED_WIDTH_OFFSETS } from './layout';
import {
  type CellContext,
  isSharedStrings,
  isWorksheet,
  type RowXml,
  rowCells,
  SHEET_WITHOUT_HEADER,
  sharedStringsReader,
  sheetRowsReader,
  WORKBOOK,
  WORKBOOK_RELS,
  workbookParts,
} from './xlsx-xml';

// Runs in the provider's browser before anything is sent: recognise the format from the first
// rows and refuse a file whose client-number column holds BSN-like values, so that a BSN never
// leaves the provider's machine. The server checks every row again.

export type Preflight = { format: string; rowsChecked: number; bsnLines: number[]; problem?: string };

const SAMPLE_ROWS = 500;
const pseudoWidth = FIELDS.find((f) => f.key === 'pseudo_id')!.width;

/** The first rows of a CSV file, read by papaparse (quotes, escaped quotes) behind the import's header rule. */
function preflightCsv(body: string, delimiter: ';' | ','): Preflight {
  const format = `CSV (scheidingsteken ${delimiter})`;
  const rows = Papa.parse<string[]>(body, { delimiter, preview: SAMPLE_ROWS + 1 }).data;
  let columns: ReturnType<typeof mapHeader>;
  try {
    columns = mapHeader(rows[0] ?? [], 'De eerste regel is geen kopregel met de veldnamen van het bestandsformaat.');
  } catch (err) {
    return { format, rowsChecked: 0, bsnLines: [], problem: (err as Error).message };
  }
  const col = columns.indexOf('pseudo_id');
  const bsnLines: number[] = [];
  const dataRows = rows.slice(1).filter((r) => r.some((cell) => cell.trim() !== ''));
  rows.slice(1).forEach((r, i) => {
    if (looksLikeBsn((r[col] ?? '').trim())) bsnLines.push(i + 2);
  });
  return { format, rowsChecked: dataRows.length, bsnLines };
}

export function preflightText(text: string): Preflight {
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r?\n/, SAMPLE_ROWS + 1);
  const header = lines[0] ?? '';
  if (/pseudo_id/i.test(header) && /[;,]/.test(header)) return preflightCsv(body, csvDelimiter(header));
  const bsnLines: number[] = [];
  if (Math.abs(header.length - FIXED_WIDTH_LENGTH) <= 40) {
    lines.forEach((l, i) => {
      if (looksLikeBsn(l.slice(FIXED_WIDTH_OFFSETS.pseudo_id, FIXED_WIDTH_OFFSETS.pseudo_id + pseudoWidth)))
        bsnLines.push(i + 1);
    });
    return { format: 'vaste breedte (ASCII)', rowsChecked: lines.filter((l) => l.trim()).length, bsnLines };
  }
  return {
    format: 'onbekend',
    rowsChecked: 0,
    bsnLines,
    problem:
      'Geen kopregel met pseudo_id en geen regels van vaste breedte gevonden. Controleer het bestand tegen de pagina Bestandsformaat.',
  };
}

/**
 * The first sheet of an .xlsx, found and read as the import reads it (xlsx-xml.ts): its first rows'
 * cells of the pseudo_id column. The whole file is in the browser's memory anyway; the sheet's text is
 * scanned only up to the rows checked.
 */
export function preflightXlsx(bytes: Uint8Array): Preflight {
  const format = 'Excel (.xlsx)';
  let files: Record<string, Uint8Array>;
  try {
    checkZip(bytes); // what it really unpacks to, before anything is kept (a forged size would pass the filter below)
    files = unzipSync(bytes, {
      filter: (f) =>
        [WORKBOOK, WORKBOOK_RELS].includes(f.name) ||
        ((isSharedStrings(f.name) || isWorksheet(f.name)) && f.originalSize < 50 * 1024 * 1024),
    });
  } catch (err) {
    return {
      format,
      rowsChecked: 0,
      bsnLines: [],
      problem: err instanceof FileRejected ? err.message : 'Het Excelbestand is beschadigd of onvolledig.',
    };
  }
  const text = (name: string | null | undefined) => (name && files[name] ? strFromU8(files[name]) : '');
  const { sheet, sharedStrings } = workbookParts(Object.keys(files), text(WORKBOOK), text(WORKBOOK_RELS));
  if (!sheet) return { format, rowsChecked: 0, bsnLines: [], problem: 'Geen eerste werkblad gevonden.' };
  const strings = sharedStringsReader();
  strings.push(text(sharedStrings), true);
  const cells: CellContext = { shared: strings.table(), dateStyles: new Set(), date1904: false };
  const xml = text(sheet);
  const rowsOf = sheetRowsReader();
  const rows: RowXml[] = [];
  for (let at = 0; at < xml.length && rows.length <= SAMPLE_ROWS; at += 256 * 1024)
    rows.push(...rowsOf(xml.slice(at, at + 256 * 1024), at + 256 * 1024 >= xml.length));
  let columns: ReturnType<typeof mapHeader>;
  try {
    columns = mapHeader(rows[0] ? rowCells(rows[0].xml, cells) : [], SHEET_WITHOUT_HEADER);
  } catch (err) {
    return { format, rowsChecked: 0, bsnLines: [], problem: (err as Error).message };
  }
  const col = columns.indexOf('pseudo_id');
  const bsnLines: number[] = [];
  let rowsChecked = 0;
  for (const row of rows.slice(1, SAMPLE_ROWS + 1)) {
    const values = rowCells(row.xml, cells);
    if (values.every((v) => v.trim() === '')) continue;
    rowsChecked += 1;
    if (looksLikeBsn((values[col] ?? '').trim())) bsnLines.push(row.line);
  }
  return { format, rowsChecked, bsnLines };
}
