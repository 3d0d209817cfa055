import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { looksLikeBsn } from './bsn';
import { checkZip } from './check-zip';
import { FileRejected } from './file-rejected';
import { csvDelimiter, mapHeader } from './header-columns';
import { FIELDS, FIXED_WIDTH_LENGTH, FIXED_WIDTH_OFFSETS } from './layout';

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

/** The first sheet of an .xlsx: read the shared strings and the cells of the pseudo_id column. */
export function preflightXlsx(bytes: Uint8Array): Preflight {
  let files: Record<string, Uint8Array>;
  try {
    checkZip(bytes); // what it really unpacks to, before anything is kept (a forged size would pass the filter below)
    files = unzipSync(bytes, {
      filter: (f) =>
        (f.name === 'xl/sharedStrings.xml' || f.name === 'xl/worksheets/sheet1.xml') &&
        f.originalSize < 50 * 1024 * 1024,
    });
  } catch (err) {
    return {
      format: 'Excel (.xlsx)',
      rowsChecked: 0,
      bsnLines: [],
      problem: err instanceof FileRejected ? err.message : 'Het Excelbestand is beschadigd of onvolledig.',
    };
  }
  const sheet = files['xl/worksheets/sheet1.xml'];
  if (!sheet)
    return { format: 'Excel (.xlsx)', rowsChecked: 0, bsnLines: [], problem: 'Geen eerste werkblad gevonden.' };
  const shared = [
    ...strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array()).matchAll(/<si>([\s\S]*?)<\/si>/g),
  ].map((m) => [...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''));
  let pseudoCol: string | null = null;
  const bsnLines: number[] = [];
  let rows = 0;
  for (const m of strFromU8(sheet).matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, col, rowText, attrs, inner = ''] = m;
    const row = Number(rowText);
    if (row > SAMPLE_ROWS + 1) break;
    const raw = inner.match(/<v>([^<]*)<\/v>/)?.[1] ?? inner.match(/<t[^>]*>([^<]*)<\/t>/)?.[1] ?? '';
    const value = /t="s"/.test(attrs) ? (shared[Number(raw)] ?? '') : raw;
    if (row === 1 && value.trim().toLowerCase() === 'pseudo_id') pseudoCol = col;
    else if (row > 1 && col === pseudoCol) {
      rows = row - 1;
      if (looksLikeBsn(value)) bsnLines.push(row);
    }
  }
  if (!pseudoCol)
    return {
      format: 'Excel (.xlsx)',
      rowsChecked: 0,
      bsnLines,
      problem: 'De kopregel van het eerste werkblad mist de kolom pseudo_id.',
    };
  return { format: 'Excel (.xlsx)', rowsChecked: rows, bsnLines };
}
