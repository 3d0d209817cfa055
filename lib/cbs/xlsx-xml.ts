// The parts of a workbook's XML that a delivery needs, read as streams of text: the shared strings,
// the rows of one sheet, and which sheet is the first. A delivery is a plain table, so a scanner over
// the few elements that carry its cells replaces a general XML parser (ExcelJS built an object per
// row and per cell: ~40 µs per row, most of an Excel import's time; docs in read-xlsx-records.ts).
// Element names may carry a namespace prefix (<x:row>, as the OpenXML SDK writes them).
import { FileRejected } from './file-rejected';
import { recordFromCells } from './header-columns';
import type { ColumnKey } from './layout';
import type { ReadRow } from './read-text-records';
import { serialDate, ymd } from './xlsx-dates';

/** The parts of a workbook a delivery's reader needs, by their names in the zip. */
export const WORKBOOK = 'xl/workbook.xml';
export const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
export const isSharedStrings = (name: string) => /(^|\/)sharedStrings[^/]*\.xml$/i.test(name);
export const isStyles = (name: string) => /^xl\/styles[^/]*\.xml$/i.test(name);
export const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

export const SHEET_WITHOUT_HEADER =
  'Het eerste werkblad begint niet met een kopregel met de veldnamen (agb_code, pseudo_id, …).';

/**
 * A row or shared string longer than this (in characters of its XML) is no delivery's: a record's
 * cells take a few hundred, a cell at most Excel's 32,767. The reader refuses it when its unfinished
 * part grows past this, so it never holds more than this and one inflated piece (check-zip.ts).
 */
export const MAX_ELEMENT_CHARS = 1024 * 1024;
export const ELEMENT_TOO_LONG = `Het Excelbestand is geweigerd: een rij of tekst in het werkblad is langer dan ${MAX_ELEMENT_CHARS / 1024 / 1024} MB, en zo lang is geen rij van een aanlevering.`;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text with its entities and character references resolved. */
export function xmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? whole;
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// XML allows either quote around an attribute's value.
const R_ATTR = /(?:^|\s)r=["']([^"']*)["']/;
const T_ATTR = /(?:^|\s)t=["']([^"']*)["']/;
const S_ATTR = /(?:^|\s)s=["'](\d+)["']/;

/** The text of a rich or plain string (<si> or <is>): its <t> runs, phonetic guides (<rPh>) left out. */
export function stringItemText(inner: string): string {
  const body = inner.includes('rPh') ? inner.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '') : inner;
  let text = '';
  for (const m of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += xmlText(m[1]);
  return text;
}

/** A cut-off start tag (`<x:ro`) is at most this long. */
const START_TAG_CHARS = 32;

/**
 * Cuts a stream of XML text into the complete elements `name` matched by `element` (a global regex).
 * `take` gets each complete match, in order. Of the rest only an unfinished element is kept for the
 * next chunk (from its start tag; other XML between elements is dropped), and it is refused once it
 * passes MAX_ELEMENT_CHARS.
 */
function elementStream(name: string, element: RegExp, take: (m: RegExpExecArray) => void) {
  const startTag = new RegExp(`<(?:\\w+:)?${name}[\\s/>]`, 'g');
  let pending = '';
  return (text: string, final: boolean) => {
    pending += text;
    element.lastIndex = 0;
    let end = 0;
    for (let m = element.exec(pending); m; m = element.exec(pending)) {
      take(m);
      end = element.lastIndex;
    }
    startTag.lastIndex = end;
    const unfinished = startTag.exec(pending);
    pending = pending.slice(unfinished ? unfinished.index : Math.max(end, pending.length - START_TAG_CHARS));
    if (!final && pending.length > MAX_ELEMENT_CHARS) throw new FileRejected(ELEMENT_TOO_LONG);
  };
}

/** The shared-string table, fed as text: push each decoded chunk, then take the `table`. */
export function sharedStringsReader() {
  const t = sharedStringsTable();
  const push = elementStream('si', /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g, (m) =>
    t.add(m[1] ? stringItemText(m[1]) : ''),
  );
  return { push, table: t.table };
}

/**
 * A workbook's shared strings as UTF-8 in one buffer with their end offsets. In the import they live in
 * SharedArrayBuffers, so the worker threads read the one table instead of each holding a copy (Excel
 * writes every text as a shared string: for 200,000 rows ~400,000 of them).
 */
export type SharedStrings = { bytes: Uint8Array; ends: Uint32Array };

const utf8 = new TextDecoder();

/** The i-th shared string ('' for an index the table does not have). */
export function sharedStringAt(table: SharedStrings, i: number): string {
  if (!(i >= 0 && i < table.ends.length)) return '';
  return utf8.decode(table.bytes.subarray(i ? table.ends[i - 1] : 0, table.ends[i]));
}

/** The length of a string in UTF-8 (a lone surrogate counts as the three bytes of U+FFFD). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

/**
 * A table built string by string, straight into UTF-8 (no array of strings is held meanwhile); `table`
 * gives it in SharedArrayBuffers where the platform has them (a browser may not).
 */
function sharedStringsTable() {
  let bytes = new Uint8Array(64 * 1024);
  let ends = new Uint32Array(1024);
  let count = 0;
  let used = 0;
  const encoder = new TextEncoder();
  return {
    add(s: string) {
      const need = utf8Length(s);
      if (used + need > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, used + need));
        grown.set(bytes.subarray(0, used));
        bytes = grown;
      }
      if (count === ends.length) {
        const grown = new Uint32Array(ends.length * 2);
        grown.set(ends);
        ends = grown;
      }
      encoder.encodeInto(s, bytes.subarray(used, used + need));
      used += need;
      ends[count++] = used;
    },
    table(): SharedStrings {
      const Memory = typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : ArrayBuffer;
      const shared = { bytes: new Uint8Array(new Memory(used)), ends: new Uint32Array(new Memory(count * 4)) };
      shared.bytes.set(bytes.subarray(0, used));
      shared.ends.set(ends.subarray(0, count));
      return shared;
    },
  };
}

/** Strings as a shared-strings table. */
export function packSharedStrings(strings: string[]): SharedStrings {
  const t = sharedStringsTable();
  for (const s of strings) t.add(s);
  return t.table();
}

/** "AB12" → 27 (0-based column); null without a reference. */
function columnOf(ref: string | undefined): number | null {
  if (!ref) return null;
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col > 0 ? col - 1 : null;
}

/** What reading a cell needs besides its own XML: the shared strings and which styles show a date. */
export type CellContext = { shared: SharedStrings; dateStyles: Set<number>; date1904: boolean };

/**
 * A cell as the text a provider meant: a shared or inline string as written, a number as JavaScript
 * writes it (as yyyymmdd when its style shows a date, xlsx-dates.ts), a boolean as "true"/"false", an
 * ISO date (t="d") as yyyymmdd, an error as its code. A formula keeps its "=" (whatever its cached
 * result) so that validation refuses it.
 */
function cellText(attrs: string, inner: string, ctx: CellContext): string {
  const type = T_ATTR.exec(attrs)?.[1];
  // Most cells are just <v>…</v>: read without a regex.
  const plain = inner.startsWith('<v>') && inner.endsWith('</v>') && inner.indexOf('<', 3) === inner.length - 4;
  if (!plain) {
    const f = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner);
    if (f) return `=${xmlText(f[1] ?? '')}`;
    if (type === 'inlineStr') {
      const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner);
      return is ? stringItemText(is[1]) : '';
    }
  }
  const v = plain ? inner.slice(3, -4) : /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (v === undefined) return '';
  const value = xmlText(v);
  switch (type) {
    case 's':
      return sharedStringAt(ctx.shared, Number(value));
    case 'str':
    case 'e':
      return value;
    case 'b':
      return value === '1' || value === 'true' ? 'true' : 'false';
    case 'd': {
      const d = new Date(value);
      return Number.isNaN(d.getTime()) ? value : ymd(d);
    }
    default: {
      const n = Number(value);
      if (value.trim() === '' || Number.isNaN(n)) return value;
      const style = ctx.dateStyles.size ? S_ATTR.exec(attrs)?.[1] : undefined;
      return (style !== undefined && ctx.dateStyles.has(Number(style)) && serialDate(n, ctx.date1904)) || String(n);
    }
  }
}

/** A row of a sheet as found: its row number and its cells' XML (the text inside <row>). */
export type RowXml = { line: number; xml: string };

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

/** The cells of a row by column (a cell that is not there is ''). */
export function rowCells(xml: string, ctx: CellContext): string[] {
  const cells: string[] = [];
  let next = 0;
  CELL.lastIndex = 0;
  for (let c = CELL.exec(xml); c; c = CELL.exec(xml)) {
    const col = columnOf(R_ATTR.exec(c[1])?.[1]) ?? next;
    next = col + 1;
    while (cells.length < col) cells.push('');
    cells[col] = c[2] ? cellText(c[1], c[2], ctx) : '';
  }
  return cells;
}

/** What reading a row's cells needs: the cell context, and the header's columns. */
export type SheetStart = CellContext & { columns: (ColumnKey | null)[] };

/** A row's record, its cells placed by the header; null for a row without any value. */
export function recordOfRow(row: RowXml, start: SheetStart): ReadRow | null {
  const raw = recordFromCells(rowCells(row.xml, start), start.columns);
  for (const v of Object.values(raw)) if (v.trim() !== '') return { line: row.line, raw };
  return null;
}

/**
 * The rows of a sheet, fed as text: `push` each decoded chunk (and `final` with the last) and get the
 * rows completed so far. Finding a row is cheap; reading its cells (rowCells) is the work, which the
 * import does in its worker threads.
 */
export function sheetRowsReader() {
  let previousLine = 0;
  let rows: RowXml[] = [];
  const push = elementStream('row', /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g, (m) => {
    const line = Number(R_ATTR.exec(m[1])?.[1]) || previousLine + 1;
    previousLine = line;
    rows.push({ line, xml: m[2] ?? '' });
  });
  return (text: string, final = false): RowXml[] => {
    push(text, final);
    const done = rows;
    rows = [];
    return done;
  };
}

const resolve = (target: string) => {
  const parts: string[] = [];
  // "worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml" or "../xl/./worksheets/…", as writers put it
  for (const p of (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
};

/**
 * Which entries of the zip (`names`) are the workbook's first sheet, its shared strings and its styles:
 * as xl/workbook.xml and its relationships say, and where they do not (or name an entry the zip lacks)
 * the first entry that looks like one. The import and the browser's check both ask here.
 */
export function workbookParts(names: string[], workbookXml: string, relsXml: string) {
  const rels = [...relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)].map((m) => ({
    id: /\bId=["']([^"']*)["']/.exec(m[1])?.[1],
    type: /\bType=["']([^"']*)["']/.exec(m[1])?.[1] ?? '',
    target: /\bTarget=["']([^"']*)["']/.exec(m[1])?.[1],
  }));
  const sheet = /<(?:\w+:)?sheet\b([^>]*)>/.exec(workbookXml);
  const rid = sheet && /\b\w+:id=["']([^"']*)["']/.exec(sheet[1])?.[1];
  const part = (target: string | undefined, looksLike: (name: string) => boolean) => {
    const path = target && resolve(target);
    return path && names.includes(path) ? path : names.find(looksLike);
  };
  return {
    sheet: part(rels.find((r) => r.id === rid)?.target, isWorksheet),
    sharedStrings: part(rels.find((r) => r.type.endsWith('/sharedStrings'))?.target, isSharedStrings),
    styles: part(rels.find((r) => r.type.endsWith('/styles'))?.target, isStyles),
  };
}
