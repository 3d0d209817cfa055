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

describe('PDF headings', () => {
  it('wrap a long title within the page instead of running off it', async () => {
    const { newPdf, finishPdf, WIDTH, M } = await import('@/lib/renderers/pdf-writer');
    const w = await newPdf('Kop');
    const drawn: { x: number; text: string }[] = [];
    const draw = w.page.drawText.bind(w.page);
    w.page.drawText = (text, opts) => {
      drawn.push({ x: opts?.x ?? 0, text });
      return draw(text, opts);
    };
    const long =
      'Kwaliteitsgesprek Gemeente Súdwest-Fryslân met Stichting Jeugdhulp en Gezinsbegeleiding Noordoost-Brabant, eerste kwartaal 2026';
    w.heading(long, 18);
    expect(drawn.length).toBeGreaterThan(1);
    for (const d of drawn) expect(w.width(d.text, 18, true)).toBeLessThanOrEqual(WIDTH);
    expect(drawn.map((d) => d.text).join(' ')).toBe(long);
    expect(drawn.every((d) => d.x === M)).toBe(true);
    expect((await finishPdf(w, 'voet')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
