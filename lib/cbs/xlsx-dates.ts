// Dates in a workbook: Excel stores a date as a number of days, and only the cell's number format
// (xl/styles.xml) says that it is one. A provider who typed a date in Excel meant that date, so such a
// cell is read as yyyymmdd, the CBS form; a number without a date format stays a number.

/** Built-in formats that show a date (ECMA-376 18.8.30): 14–17 and 22, and the East Asian 27–36, 50–58. */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A format code shows a date when, outside quoted text, escapes and [brackets], it has a day or a year. */
const showsDate = (code: string) => /[dy]/i.test(code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ''));

/** The cell styles (indexes into <cellXfs>, a cell's s attribute) whose number format shows a date. */
export function dateStyles(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const id = /\bnumFmtId=["'](\d+)["']/.exec(m[1])?.[1];
    const code = /\bformatCode=["']([^"']*)["']/.exec(m[1])?.[1];
    if (id && code) custom.set(Number(id), code.replace(/&quot;/g, '"'));
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const styles = new Set<number>();
  let index = 0;
  for (const xf of cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)) {
    const id = Number(/\bnumFmtId=["'](\d+)["']/.exec(xf[1])?.[1] ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? showsDate(code) : BUILT_IN_DATES.has(id)) styles.add(index);
    index += 1;
  }
  return styles;
}

/** Whether the workbook counts its days from 1904 (old Mac Excel) instead of 1900. */
export const usesDate1904 = (workbookXml: string) =>
  /<(?:\w+:)?workbookPr\b[^>]*\bdate1904=["'](1|true)["']/.test(workbookXml);

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** A date (its UTC day) as yyyymmdd, the CBS form. */
export const ymd = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;

/** A day number as yyyymmdd (its time of day dropped), or null when it is no date Excel shows. */
export function serialDate(serial: number, date1904: boolean): string | null {
  const days = Math.floor(serial);
  if (!Number.isFinite(serial) || days < 1 || days > 2_958_465) return null; // Excel's range: 1900 to 9999
  // In the 1900 system day 60 is 29 February 1900, a day that never was (kept for Lotus 1-2-3), so
  // from day 61 on the days count from 30 December 1899.
  if (!date1904 && days === 60) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return ymd(new Date(epoch + days * DAY_MS));
}
