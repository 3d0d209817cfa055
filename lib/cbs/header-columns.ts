import { FileRejected } from './file-rejected';
import { type ColumnKey, DOMEIN_COLUMN, FIELD_KEYS, FIELDS, type RawRecord } from './layout';

// The header rule for every format with a header row (CSV and Excel), in one place.

const KNOWN = new Set<string>([...FIELD_KEYS, DOMEIN_COLUMN.key]);

/** The delimiter of a CSV file, from its header row: the more frequent of ";" and ",". */
export const csvDelimiter = (header: string): ';' | ',' =>
  (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ';' : ',';

/**
 * Maps header cells to field keys (unknown columns: null). Refuses a row that is no header at all
 * (`noHeader` says why, per format) and a header that lacks an always-required column; a missing
 * conditional column (reden_einde, respondent, meetdatum) reads as empty, and the row rules say
 * when a value was needed.
 */
export function mapHeader(cells: string[], noHeader: string): (ColumnKey | null)[] {
  const columns = cells.map((c) => {
    const name = c.trim().toLowerCase();
    return KNOWN.has(name) ? (name as ColumnKey) : null;
  });
  if (columns.every((c) => c === null)) throw new FileRejected(noHeader);
  const missing = FIELDS.filter((f) => f.requirement === 'verplicht' && !columns.includes(f.key)).map((f) => f.key);
  if (missing.length) throw new FileRejected(`De kopregel mist de kolom(men): ${missing.join(', ')}.`);
  return columns;
}

const EMPTY = Object.freeze(Object.fromEntries([...FIELD_KEYS, DOMEIN_COLUMN.key].map((k) => [k, ''])) as RawRecord);

/** A record from the cells of one row, placed by the mapped header. */
export function recordFromCells(cells: string[], columns: (ColumnKey | null)[]): RawRecord {
  const raw: RawRecord = { ...EMPTY }; // a shallow copy of a fixed shape: cheap per row
  for (let c = 0; c < cells.length; c++) {
    const key = columns[c];
    if (key) raw[key] = cells[c] ?? ''; // a spreadsheet row can have holes
  }
  return raw;
}

export const emptyRecord = (): RawRecord => ({ ...EMPTY });
