import Papa from 'papaparse';
import { FileRejected } from './file-rejected';
import { FIELDS, FIELD_KEYS, FIXED_WIDTH_LENGTH, FIXED_WIDTH_OFFSETS, type FieldKey, type RawRecord } from './layout';
import type { RowError } from './validate-record';

export type ReadRow = { line: number; raw: RawRecord } | { line: number; error: RowError };

const MAX_LINE = 20_000; // a 10 MB single line is not a record

const emptyRecord = () => Object.fromEntries(FIELD_KEYS.map((k) => [k, ''])) as RawRecord;

/** Maps header cells to field keys; refuses a header that lacks required columns. */
function mapHeader(cells: string[]): (FieldKey | null)[] {
  const known = new Set<string>(FIELD_KEYS);
  const columns = cells.map((c) => {
    const name = c.trim().toLowerCase();
    return known.has(name) ? (name as FieldKey) : null;
  });
  const missing = FIELDS.filter((f) => f.requirement !== 'optioneel' && !columns.includes(f.key)).map((f) => f.key);
  if (columns.every((c) => c === null)) {
    throw new FileRejected(
      'De eerste regel is geen kopregel met de veldnamen van het bestandsformaat (bijvoorbeeld agb_code;pseudo_id;traject_id;…), en de regels hebben niet de vaste breedte van ' +
        `${FIXED_WIDTH_LENGTH} tekens. Zie de pagina Bestandsformaat.`,
    );
  }
  if (missing.length) throw new FileRejected(`De kopregel mist de kolom(men): ${missing.join(', ')}.`);
  return columns;
}

export function* readCsv(text: string): Generator<ReadRow> {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (firstLine.length > MAX_LINE) throw new FileRejected(`Regel 1 is langer dan ${MAX_LINE} tekens: dit is geen geldig bestand.`);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const headerCells = Papa.parse<string[]>(firstLine, { delimiter }).data[0] ?? [];
  if (headerCells.length < 2) {
    throw new FileRejected('Het scheidingsteken is niet herkend: gebruik een puntkomma (;) of een komma (,) tussen de velden.');
  }
  const columns = mapHeader(headerCells);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  // Papa counts records, not lines; a quoted field may span lines, so track lines ourselves.
  let line = 1;
  for (let i = 1; i < rows.length; i++) {
    line += 1;
    const cells = rows[i];
    if (cells.length !== headerCells.length) {
      yield {
        line,
        error: { line, field: 'bestand', value: '', code: 'AANTAL_VELDEN', message: `Verwacht ${headerCells.length} velden, gevonden ${cells.length}. Controleer het scheidingsteken en de aanhalingstekens.` },
      };
      continue;
    }
    const raw = emptyRecord();
    cells.forEach((value, c) => {
      const key = columns[c];
      if (key) raw[key] = value.length > MAX_LINE ? value.slice(0, MAX_LINE) : value;
    });
    yield { line, raw };
  }
}

export function* readFixedWidth(text: string): Generator<ReadRow> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const content = lines[i];
    if (content.trim() === '') continue;
    if (content.length > FIXED_WIDTH_LENGTH) {
      yield { line, error: { line, field: 'bestand', value: '', code: 'REGELLENGTE', message: `Regel is ${content.length} tekens; verwacht ${FIXED_WIDTH_LENGTH} (vaste breedte).` } };
      continue;
    }
    const padded = content.padEnd(FIXED_WIDTH_LENGTH); // editors trim trailing spaces of empty last fields
    const raw = emptyRecord();
    for (const f of FIELDS) raw[f.key] = padded.slice(FIXED_WIDTH_OFFSETS[f.key], FIXED_WIDTH_OFFSETS[f.key] + f.width);
    yield { line, raw };
  }
}

/** A text file is CSV when its first line holds the header names, fixed-width otherwise. */
export function readTextRecords(text: string): Generator<ReadRow> {
  const first = text.slice(0, Math.min(text.length, MAX_LINE + 1)).split(/\r?\n/)[0] ?? '';
  if (text.trim() === '') throw new FileRejected('Het bestand is leeg.');
  const looksCsv = /(^|[;,"\s])agb_code([;,"\s]|$)/i.test(first) || first.includes(';') || (first.includes(',') && first.length !== FIXED_WIDTH_LENGTH);
  return looksCsv ? readCsv(text) : readFixedWidth(text);
}
