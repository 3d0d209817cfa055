import { parseCsvLine } from './csv-line';
import { detectEncoding, textLines, utf8Check } from './decode-text';
import { FileRejected } from './file-rejected';
import { csvDelimiter, emptyRecord, mapHeader, recordFromCells } from './header-columns';
import { type ColumnKey, FIELDS, FIXED_WIDTH_LENGTH, FIXED_WIDTH_OFFSETS, type RawRecord } from './layout';
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

/** How the lines of a text file are read: CSV by its header, or fixed width. Plain data: it goes to worker threads. */
export type TextFormat =
  | { kind: 'csv'; delimiter: ';' | ','; cells: number; columns: (ColumnKey | null)[] }
  | { kind: 'fixed' };

/** The format from the file's first non-empty line; FileRejected when it is neither a header nor a record. */
export function textFormat(first: { line: number; text: string }): TextFormat {
  const header = first.text;
  if (header.length > MAX_LINE)
    throw new FileRejected(`Regel ${first.line} is langer dan ${MAX_LINE} tekens: dit is geen geldig bestand.`);
  const looksCsv =
    /(^|[;,"\s])agb_code([;,"\s]|$)/i.test(header) ||
    header.includes(';') ||
    (header.includes(',') && header.length !== FIXED_WIDTH_LENGTH);
  if (!looksCsv) return { kind: 'fixed' };
  const delimiter = csvDelimiter(header);
  const headerCells = parseCsvLine(header, delimiter) ?? [];
  if (headerCells.length < 2) {
    throw new FileRejected(
      'Het scheidingsteken is niet herkend: gebruik een puntkomma (;) of een komma (,) tussen de velden.',
    );
  }
  return { kind: 'csv', delimiter, cells: headerCells.length, columns: mapHeader(headerCells, NO_HEADER) };
}

/** One line of a text file as a row of the file; null for an empty line. */
export function textRow(format: TextFormat, line: number, text: string): ReadRow | null {
  if (text.trim() === '') return null;
  if (format.kind === 'csv') {
    if (text.length > MAX_LINE) return rowError(line, 'REGELLENGTE', `Regel is langer dan ${MAX_LINE} tekens.`);
    const cells = parseCsvLine(text, format.delimiter);
    if (!cells) return rowError(line, 'AANHALINGSTEKEN', 'Een aanhalingsteken (") wordt op deze regel niet gesloten.');
    if (cells.length !== format.cells) {
      return rowError(
        line,
        'AANTAL_VELDEN',
        `Verwacht ${format.cells} velden, gevonden ${cells.length}. Controleer het scheidingsteken en de aanhalingstekens.`,
      );
    }
    return { line, raw: recordFromCells(cells, format.columns) };
  }
  if (text.length > FIXED_WIDTH_LENGTH)
    return rowError(
      line,
      'REGELLENGTE',
      `Regel is ${text.length} tekens; verwacht ${FIXED_WIDTH_LENGTH} (vaste breedte).`,
    );
  const padded = text.padEnd(FIXED_WIDTH_LENGTH); // editors trim trailing spaces of empty last fields
  const raw = emptyRecord();
  for (const f of FIELDS) raw[f.key] = padded.slice(FIXED_WIDTH_OFFSETS[f.key], FIXED_WIDTH_OFFSETS[f.key] + f.width);
  return { line, raw };
}

/**
 * A text file up to its body: the format, the encoding, and where the lines to read as rows start (a
 * CSV after its header; a fixed-width file has no header, so at its first line). `wholeIsUtf8` when
 * `buf` is only the head of the file (openTextSlices).
 */
export function openText(buf: Buffer, wholeIsUtf8?: boolean) {
  const encoding = detectEncoding(buf, wholeIsUtf8);
  const lines = textLines(buf, { ...encoding, line: 1 });
  let first = lines.next();
  while (!first.done && first.value.text.trim() === '') first = lines.next();
  if (first.done) throw new FileRejected('Het bestand is leeg.');
  const format = textFormat(first.value);
  const body =
    format.kind === 'fixed'
      ? { start: first.value.start, line: first.value.line }
      : { start: first.value.end, line: first.value.line + 1 };
  return { format, encoding: encoding.encoding, body, firstLineEnd: first.value.end };
}

export type OpenText = ReturnType<typeof openText>;

/** The rows of lines of a text file (all of it, or a stretch of it from a worker's batch). */
export function* textRows(
  buf: Buffer,
  format: TextFormat,
  at: { encoding: OpenText['encoding']; start: number; line: number },
): Generator<ReadRow> {
  for (const { line, text } of textLines(buf, at)) {
    const row = textRow(format, line, text);
    if (row) yield row;
  }
}

/** A text file is CSV when its first line holds the header names (or delimiters), fixed-width otherwise. */
export function* readTextRecords(buf: Buffer): Generator<ReadRow> {
  const text = openText(buf);
  yield* textRows(buf, text.format, { encoding: text.encoding, ...text.body });
}

/** How much of a file read in slices is kept to find its format: far more than a header line. */
const HEAD_BYTES = 1024 * 1024;

/**
 * The format of a large text file read in slices (the stored upload is never whole in memory): a
 * first pass over all of it decides the encoding, its head gives the format. Null when the head does
 * not hold the first line whole or openText refuses the head: the caller then reads the file whole,
 * so such a file gets exactly the answer it always got. FileRejected as openText.
 */
export async function openTextSlices(slices: () => AsyncIterable<Buffer>): Promise<OpenText | null> {
  const headParts: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const utf8 = utf8Check();
  for await (const slice of slices()) {
    if (headLength < HEAD_BYTES) {
      headParts.push(slice);
      headLength += slice.length;
    }
    size += slice.length;
    utf8.push(slice);
  }
  const head = Buffer.concat(headParts);
  const whole = head.length === size;
  let text: OpenText;
  try {
    text = openText(head, utf8.whole());
  } catch (err) {
    if (whole || !(err instanceof FileRejected)) throw err;
    return null;
  }
  return whole || text.firstLineEnd <= head.length ? text : null;
}
