import { type EntrySink, type ZipChunks, zipPass, zipPassOver } from './check-zip';
import { FileRejected } from './file-rejected';
import { foreignFileMessage, foreignZipKind } from './foreign-file';
import { mapHeader } from './header-columns';
import type { ReadRow } from './read-text-records';
import { dateStyles, usesDate1904 } from './xlsx-dates';
import {
  type CellContext,
  isSharedStrings,
  isStyles,
  packSharedStrings,
  type RowXml,
  recordOfRow,
  rowCells,
  SHEET_WITHOUT_HEADER,
  type SheetStart,
  sharedStringsReader,
  sheetRowsReader,
  WORKBOOK,
  WORKBOOK_RELS,
  workbookParts,
} from './xlsx-xml';

const SLICE = 64 * 1024;
/** The workbook, its relationships and its styles: a few KB in practice, rarely a few hundred. */
const SMALL_PART = 8 * 1024 * 1024;

/** An entry's XML as text, chunk by chunk (UTF-8 split across chunks is kept whole). */
function textSink(take: (text: string, final: boolean) => void): EntrySink {
  const decoder = new TextDecoder('utf-8');
  return (chunk, final) => take(decoder.decode(chunk, { stream: !final }), final);
}

/**
 * Sinks that must not throw (check-zip.ts): `guard` keeps a sink's first error, `check` throws it once
 * the zip pass has returned.
 */
function guarded() {
  let failure: Error | null = null;
  return {
    guard:
      (sink: EntrySink): EntrySink =>
      (chunk, final) => {
        if (failure) return;
        try {
          sink(chunk, final);
        } catch (err) {
          failure = err as Error;
        }
      },
    check() {
      if (failure) throw failure;
    },
  };
}

/**
 * The first pass: the zip's structure and names, and what the rows need before the sheet is read: the
 * workbook and its relationships (which sheet is first), its styles (which show a date) and the
 * shared strings (Excel writes them after the sheets, so they cannot wait for the sheet's pass). The
 * sheets are skipped, not inflated.
 */
async function readParts(chunks: ZipChunks, size: number) {
  const small: Record<string, string> = {};
  const strings = new Map<string, ReturnType<typeof sharedStringsReader>>();
  const { guard, check } = guarded();
  const { names, unpacked } = await zipPassOver(chunks, size, (name) => {
    if (name === WORKBOOK || name === WORKBOOK_RELS || isStyles(name)) {
      small[name] = '';
      return guard(
        textSink((text) => {
          small[name] += text;
          if (small[name].length > SMALL_PART) throw new Error(`${name} is onredelijk groot`);
        }),
      );
    }
    if (!isSharedStrings(name)) return undefined;
    const reader = sharedStringsReader();
    strings.set(name, reader);
    return guard(textSink(reader.push));
  });
  check();
  const parts = workbookParts(names, small[WORKBOOK] ?? '', small[WORKBOOK_RELS] ?? '');
  const cells: CellContext = {
    shared: strings.get(parts.sharedStrings ?? '')?.table() ?? packSharedStrings([]),
    dateStyles: dateStyles(small[parts.styles ?? ''] ?? ''),
    date1904: usesDate1904(small[WORKBOOK] ?? ''),
  };
  return { names, unpacked, sheet: parts.sheet, cells };
}

/**
 * The second pass: the rows of the sheet at `path`, inflated (and measured against the zip caps, on
 * from the first pass) as the chunks pass, a slice at a time; the rest of the zip is skipped.
 */
async function* sheetRows(
  chunks: ZipChunks,
  size: number,
  parts: { sheet: string; unpacked: number },
): AsyncGenerator<RowXml[]> {
  const rowsOf = sheetRowsReader();
  let ready: RowXml[] = [];
  const { guard, check } = guarded();
  const decode = guard(
    textSink((text, final) => {
      for (const row of rowsOf(text, final)) ready.push(row);
    }),
  );
  const pass = zipPass(size, (name) => (name === parts.sheet ? decode : undefined), parts.unpacked);
  for await (const chunk of chunks)
    for (let i = 0; i < chunk.length; i += SLICE) {
      const more = pass.push(chunk.subarray(i, i + SLICE));
      check();
      if (ready.length) yield ready;
      ready = [];
      if (!more) return void pass.finish(); // a bomb: finish throws
    }
  pass.finish();
  check();
  if (ready.length) yield ready;
}

/** A workbook's first sheet: once its start, then its rows (after the header) in runs. */
export type SheetPart = { start: SheetStart } | { rows: RowXml[] };

/**
 * A workbook's first sheet, as the import's reader hands it to its worker threads: the rows found, but
 * their cells not read yet (recordOfRow does that, in the worker). `chunks` gives the file's bytes
 * afresh at each call; they are read twice (the workbook's small parts and shared strings, then the
 * sheet), so the file is never held whole, and each entry that is inflated is measured against the zip
 * caps (check-zip.ts). The XML is scanned for rows and cells (xlsx-xml.ts), not built into objects:
 * ExcelJS, which read it before, took ~40 µs a row, most of an Excel import's time. An error of the
 * chunks themselves (a stored file that fails its tag) is thrown as it is, not as an unreadable workbook.
 */
export async function* readSheet(chunks: () => ZipChunks, size: number): AsyncGenerator<SheetPart> {
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
  let started = false;
  try {
    const { names, unpacked, sheet, cells } = await readParts(read(), size);
    const foreign = foreignZipKind(names);
    if (foreign) throw new FileRejected(foreignFileMessage(foreign));
    if (sheet)
      for await (let rows of sheetRows(read(), size, { sheet, unpacked })) {
        if (!started) {
          const columns = mapHeader(rowCells(rows[0].xml, cells), SHEET_WITHOUT_HEADER);
          yield { start: { ...cells, columns } };
          started = true;
          rows = rows.slice(1);
        }
        if (rows.length) yield { rows };
      }
  } catch (err) {
    if (chunksFailed) throw chunksError;
    if (err instanceof FileRejected) throw err;
    throw new FileRejected(`Het Excelbestand kon niet worden gelezen: ${(err as Error).message.slice(0, 120)}`);
  }
  if (!started) throw new FileRejected('Het Excelbestand bevat geen gegevens op het eerste werkblad.');
}

/** The rows of a workbook's first sheet as records, in this thread (small files, the domain hint). */
export async function* readXlsx(chunks: () => ZipChunks, size: number): AsyncGenerator<ReadRow> {
  let start: SheetStart | null = null;
  for await (const part of readSheet(chunks, size)) {
    if ('start' in part) start = part.start;
    else
      for (const row of part.rows) {
        const record = recordOfRow(row, start!);
        if (record) yield record;
      }
  }
}
