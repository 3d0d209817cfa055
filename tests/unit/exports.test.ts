import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toCsvDownload } from '@/lib/exports/csv';
import { toXlsxDownload } from '@/lib/exports/xlsx';

describe('downloads are safe against formula injection', () => {
  const header = ['groep', 'n'];
  const rows: (string | number | null)[][] = [
    ['=HYPERLINK("http://x","klik")', 12],
    ['+31 6', '< 7'],
    ['@SUM(A1)', null],
    ['-2', 7],
  ];

  it('neutralises =, +, - and @ in Excel and keeps numbers numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsxDownload('Uitval', header, rows)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A2').value).toBe(`'=HYPERLINK("http://x","klik")`);
    expect(ws.getCell('A3').value).toBe(`'+31 6`);
    expect(ws.getCell('A4').value).toBe(`'@SUM(A1)`);
    expect(ws.getCell('B2').value).toBe(12);
    expect(ws.getCell('B3').value).toBe('< 7');
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('does the same in CSV', () => {
    const csv = toCsvDownload(header, rows);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""klik"")";12`);
    expect(csv).toContain(`'@SUM(A1);`);
  });
});
