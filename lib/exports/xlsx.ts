import ExcelJS from 'exceljs';
import { neutraliseFormula } from './csv';

/**
 * A one-sheet workbook for downloads. Numbers stay numbers; text that a spreadsheet could take for
 * a formula is neutralised exactly as in the CSV (leading apostrophe), and no cell is ever a formula.
 */
export async function toXlsxDownload(
  sheetName: string,
  header: string[],
  rows: (string | number | null)[][],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'number' || v === null ? v : neutraliseFormula(v))));
  for (const c of ws.columns) c.width = 18;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
