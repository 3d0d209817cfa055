import { parseCsvLine } from './csv-line';
import { textLines } from './decode-text';
import { FileRejected } from './file-rejected';
import { csvDelimiter, emptyRecord, mapHeader, recordFromCells } from './header-columns';
import { FIELDS, FIXED_WIDTH_LENGTH, FIXED_WIDTH_OFFSETS, type RawRecord } from './layout';
import type { RowError } from './validate-record';

export type ReadRow = { line: number; raw: RawRecord } | { line: number; error: RowError };

const MAX_LINE = 20_000; // a 10 MB single line is not a record

const rowError = (line: number, code: string, message: string): ReadRow => ({
  line,
  error: { line, field: 'bestand', value: '', code, message },
});

const NO_HEADER =
  'De eerste regel is geen kopregel met de veldnamen van het bestandsformaat (bijvoorbeeld agb_code;pseudo_id;traject_id;…), en de regels hebben niet de vaste breedte van ' +
  `${FIXED_WIDTH_LENGTH} tekens. Zie de pagina Bestandsformaat.`;

function* readCsv(header: string, rest: Iterator<{ line: number; text: string }>): Generator<ReadRow> {
  const delimiter = csvDelimiter(header);
  const headerCells = parseCsvLine(header, delimiter) ?? [];
  if (headerCells.length < 2) {
    throw new FileRejected(
      'Het scheidingsteken is niet herkend: gebruik een puntkomma (;) of een komma (,) tussen de velden.',
    );
  }
  const columns = mapHeader(headerCells, NO_HEADER);
  for (let next = rest.next(); !next.done; next = rest.next()) {
    const { line, text } = next.value;
    if (text.trim() === '') continue;
    if (text.length > MAX_LINE) {
      yield rowError(line, 'REGELLENGTE', `Regel is langer dan ${MAX_LINE} tekens.`);
      continue;
    }
    const cells = parseCsvLine(text, delimiter);
    if (!cells) {
      yield rowError(line, 'AANHALINGSTEKEN', 'Een aanhalingsteken (") wordt op deze regel niet gesloten.');
      continue;
    }
    if (cells.length !== headerCells.length) {
      yield rowError(
        line,
        'AANTAL_VELDEN',
        `Verwacht ${headerCells.length} velden, gevonden ${cells.length}. Controleer het scheidingsteken en de aanhalingstekens.`,
      );
      continue;
    }
    yield { line, raw: recordFromCells(cells, columns) };
  }
}

function* readFixedWidth(
  first: { line: number; text: string },
  rest: Iterator<{ line: number; text: string }>,
): Generator<ReadRow> {
  for (let item: { line: number; text: string } | undefined = first; item; ) {
    const { line, text } = item;
    if (text.trim() !== '') {
      if (text.length > FIXED_WIDTH_LENGTH) {
        yield rowError(
          line,
          'REGELLENGTE',
          `Regel is ${text.length} tekens; verwacht ${FIXED_WIDTH_LENGTH} (vaste breedte).`,
        );
      } else {
        const padded = text.padEnd(FIXED_WIDTH_LENGTH); // editors trim trailing spaces of empty last fields
        const raw = emptyRecord();
        for (const f of FIELDS)
          raw[f.key] = padded.slice(FIXED_WIDTH_OFFSETS[f.key], FIXED_WIDTH_OFFSETS[f.key] + f.width);
        yield { line, raw };
      }
    }
    const next = rest.next();
    item = next.done ? undefined : next.value;
  }
}

/** A text file is CSV when its first line holds the header names (or delimiters), fixed-width otherwise. */
export function* readTextRecords(buf: Buffer): Generator<ReadRow> {
  const lines = textLines(buf);
  let first = lines.next();
  while (!first.done && first.value.text.trim() === '') first = lines.next();
  if (first.done) throw new FileRejected('Het bestand is leeg.');
  const header = first.value.text;
  if (header.length > MAX_LINE)
    throw new FileRejected(`Regel ${first.value.line} is langer dan ${MAX_LINE} tekens: dit is geen geldig bestand.`);
  const looksCsv =
    /(^|[;,"\s])agb_code([;,"\s]|$)/i.test(header) ||
    header.includes(';') ||
    (header.includes(',') && header.length !== FIXED_WIDTH_LENGTH);
  yield* looksCsv ? readCsv(header, lines) : readFixedWidth(first.value, lines);
}
