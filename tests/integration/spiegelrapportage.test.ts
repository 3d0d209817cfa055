import ExcelJS from 'exceljs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { ReportSummary } from '@/components/reports/report-summary';
import type { Scope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import { spiegelrapportagePdf } from '@/lib/renderers/spiegel-pdf';
import { spiegelrapportageXlsx } from '@/lib/renderers/spiegel-xlsx';
import { getSpiegelrapportage } from '@/lib/services/reports/get-spiegelrapportage';
import { parsePeriod } from '@/lib/services/reports/report-period';
import type { ReportVersion } from '@/lib/services/reports/report-target';
import { parseSpiegelrapportage } from '@/lib/services/reports/spiegelrapportage-json';
import {
  loadRecords,
  makeAanbieder,
  makeGemeente,
  makeTtp,
  makeUser,
  type RecordInput,
  scopeOf,
  shownClients,
} from './helpers/fixtures';

const AS_OF = new Date('2026-11-23T12:00:00Z');
const K2 = parsePeriod('2026-K2')!;
const times = <T = RecordInput>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
const tag = () => Math.random().toString(36).slice(2, 8);

/** A provider serving one municipality: 2026-K2 has 12 ended trajectories (3 uitval), 2026-K1 only 4. */
async function provider() {
  const g = await makeGemeente();
  const a = await makeAanbieder();
  const t = tag();
  await loadRecords(a, [
    ...times(12, (i) => ({
      client: `${t}-k2-${i}`,
      gemeentecode: g.cbsCode!,
      einddatum: '2026-05-15',
      redenEinde: i < 3 ? '03' : '01',
      tevredenheid: 8,
      respondent: '1',
    })),
    ...times(4, (i) => ({
      client: `${t}-k1-${i}`,
      gemeentecode: g.cbsCode!,
      einddatum: '2026-02-15',
      redenEinde: '01',
    })),
  ]);
  return {
    a,
    g,
    /** The 12 clients of 2026-K2, as a protected view shows their count. */
    k2Shown: shownClients(times(12, (i) => `${t}-k2-${i}`)),
    providerScope: await scopeOf((await makeUser('AANBIEDER_INZAGE', a.id)).id),
    municipalScope: await scopeOf((await makeUser('GEMEENTE', g.id)).id),
  };
}

const report = (scope: Scope, agbCode: string, version: ReportVersion) =>
  getSpiegelrapportage(scope, { agbCode, period: K2, version }, AS_OF);

async function pdfText(buffer: Buffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(buffer)), { mergePages: true });
  return text;
}

/** Every client count printed in the PDF: "n = 12" and "12 (25%)" (Dutch thousands separator allowed). */
const countsIn = (text: string) =>
  [...text.matchAll(/(?:n = )?(?<![\d,.])(\d[\d.]*) \(|n = (\d[\d.]*)/g)].map((m) =>
    Number((m[1] ?? m[2]).replace(/\./g, '')),
  );

async function xlsxCounts(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(buffer).buffer as ArrayBuffer);
  const values: (string | number)[] = [];
  wb.getWorksheet('Cijfers')!.eachRow((row, i) => i > 1 && values.push(row.getCell(6).value as string | number));
  return values;
}

describe('spiegelrapportage', () => {
  it('the internal version shows the provider every figure, small ones too', async () => {
    const { a, providerScope } = await provider();
    const r = await report(providerScope, a.agbCode!, 'intern');
    const uitval = r.indicators.find((i) => i.key === 'uitval')!;
    expect(uitval.periods.map((p) => p.period.key)).toEqual(['2025-K3', '2025-K4', '2026-K1', '2026-K2']);
    expect(uitval.periods[3].headline).toMatchObject({ n: 3, pct: 25, suppressed: false });
    const text = await pdfText(await spiegelrapportagePdf(r));
    expect(text).toContain('Spiegelrapportage');
    expect(text).toContain(a.name);
    expect(countsIn(text)).toEqual(expect.arrayContaining([3, 4, 12]));
  });

  it('the shareable version never prints a figure under 7, in the PDF text nor in the Excel cells', async () => {
    const { a, providerScope, municipalScope, k2Shown } = await provider();
    for (const scope of [providerScope, municipalScope]) {
      const r = await report(scope, a.agbCode!, 'deelbaar');
      const text = await pdfText(await spiegelrapportagePdf(r));
      const counts = countsIn(text);
      expect(counts).toContain(k2Shown); // the K2 population is shown, perturbed as on the dashboard …
      expect(counts.filter((n) => n > 0 && n < 7)).toEqual([]); // … its 3 uitval and K1's 4 are not
      expect(text).toContain('< 7');
      const cells = await xlsxCounts(await spiegelrapportageXlsx(r));
      expect(cells).toContain(k2Shown);
      expect(cells).toContain('< 7');
      expect(cells.filter((v) => typeof v === 'number' && v > 0 && v < 7)).toEqual([]);
      expect(cells.every((v) => typeof v === 'number' || v === '< 7' || v === 'nog niet bekend')).toBe(true);
    }
  });

  it('the internal version is reachable only by the provider itself', async () => {
    const { a, municipalScope } = await provider();
    const other = await provider();
    await expect(report(municipalScope, a.agbCode!, 'intern')).rejects.toMatchObject({ status: 403 });
    await expect(report(other.providerScope, a.agbCode!, 'intern')).rejects.toMatchObject({ status: 404 });
    await expect(report(other.providerScope, a.agbCode!, 'deelbaar')).rejects.toMatchObject({ status: 404 });
    // a municipality whose residents the provider does not serve gets nothing either
    await expect(report(other.municipalScope, a.agbCode!, 'deelbaar')).rejects.toMatchObject({ status: 404 });
    const ttp = await scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id);
    await expect(report(ttp, a.agbCode!, 'deelbaar')).rejects.toMatchObject({ status: 403 });
  });

  it('a municipality gets the figures of its own residents only', async () => {
    const { a, municipalScope, k2Shown } = await provider();
    const elsewhere = await makeGemeente();
    await loadRecords(
      a,
      times(20, (i) => ({ client: `${tag()}-e${i}`, gemeentecode: elsewhere.cbsCode!, einddatum: '2026-05-20' })),
    );
    const r = await report(municipalScope, a.agbCode!, 'deelbaar');
    expect(r.indicators.find((i) => i.key === 'uitval')!.periods[3].populatie).toMatchObject({ n: k2Shown });
    expect(r.audience).toContain('inwoners van');
  });

  it('geen nieuwe start of a quarter whose window still runs is "nog niet bekend", never 0, on the page, in the PDF and in Excel', async () => {
    const { a, providerScope, municipalScope } = await provider();
    for (const [scope, version] of [
      [providerScope, 'intern'],
      [municipalScope, 'deelbaar'],
    ] as const) {
      // Frozen as a kwaliteitsgesprek keeps it, and read back.
      const r = parseSpiegelrapportage(JSON.parse(JSON.stringify(await report(scope, a.agbCode!, version))));
      const gns = r.indicators.find((i) => i.key === 'geen-nieuwe-start')!;
      // As of 23 November 2026 the window of a trajectory ended in the first half of 2026 runs until
      // 31 December 2026; those of 2025 have passed.
      expect(gns.periods.map((p) => p.unsettledFrom)).toEqual([null, null, '2026-01', '2026-04']);
      expect(r.indicators.find((i) => i.key === 'uitval')!.periods.every((p) => p.unsettledFrom === null)).toBe(true);
      // A report frozen before the field existed gets it back from the moment it was made.
      const older = JSON.parse(JSON.stringify(r)) as typeof r;
      for (const ind of older.indicators) for (const p of ind.periods) delete p.unsettledFrom;
      expect(parseSpiegelrapportage(older)).toEqual(r);

      const page = renderToStaticMarkup(createElement(ReportSummary, { report: r }));
      const section = page.slice(page.indexOf('id="rapport-JEUGD-geen-nieuwe-start"'));
      const table = section.slice(0, section.indexOf('</table>'));
      const rowOf = (label: string) => table.slice(table.indexOf(`>${label}</th>`)).split('</tr>')[0];
      for (const q of ['1e kwartaal 2026', '2e kwartaal 2026']) {
        expect(rowOf(q)).toContain('nog niet bekend');
        expect(rowOf(q)).not.toMatch(/>0</);
      }
      expect(rowOf('4e kwartaal 2025')).not.toContain('nog niet bekend');
      expect(section.slice(0, section.indexOf('</section>'))).toContain(
        'Nog niet bekend voor trajecten beëindigd vanaf jan 2026',
      );

      const text = await pdfText(await spiegelrapportagePdf(r));
      expect(text).toContain('nog niet bekend');
      expect(text).toContain('Nog niet bekend voor trajecten beëindigd vanaf jan 2026');

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(await spiegelrapportageXlsx(r)).buffer as ArrayBuffer);
      const rows: (string | number)[][] = [];
      wb.getWorksheet('Cijfers')!.eachRow((row, i) => {
        if (i > 1) rows.push([1, 2, 5, 6].map((c) => row.getCell(c).value as string | number));
      });
      const gnsRows = (period: string) => rows.filter(([ind, p]) => ind === gns.label && p === period);
      for (const period of ['2026-K1', '2026-K2'])
        expect(gnsRows(period)).toEqual([[gns.label, period, 'populatie (beëindigde trajecten)', 'nog niet bekend']]);
      expect(gnsRows('2025-K4').length).toBeGreaterThan(1);
    }
  });

  it("tells a municipality the provider's maturity over its own residents only", async () => {
    // Respons 0 % among the municipality's residents, 100 % elsewhere: 50 % over all, level 6.
    const [g, elsewhere, a] = [await makeGemeente(), await makeGemeente(), await makeAanbieder()];
    const t = tag();
    await db().processingAgreement.create({ data: { aanbiederId: a.id, version: '1', status: 'ONDERTEKEND' } });
    await loadRecords(a, [
      ...times(20, (i) => ({ client: `${t}-here-${i}`, gemeentecode: g.cbsCode!, einddatum: '2026-06-15' })),
      ...times(20, (i) => ({
        client: `${t}-there-${i}`,
        gemeentecode: elsewhere.cbsCode!,
        einddatum: '2026-06-15',
        tevredenheid: 8,
        respondent: '1',
      })),
    ]);
    const own = await getSpiegelrapportage(
      await scopeOf((await makeUser('AANBIEDER_INZAGE', a.id)).id),
      { agbCode: a.agbCode!, period: K2, version: 'intern' },
      AS_OF,
    );
    const theirs = await getSpiegelrapportage(
      await scopeOf((await makeUser('GEMEENTE', g.id)).id),
      { agbCode: a.agbCode!, period: K2, version: 'deelbaar' },
      AS_OF,
    );
    expect(own.maturity.level).toBe(6);
    expect(theirs.maturity.level).toBe(4);
  });

  it('refuses a shareable report of a half-year: a quarter would be it minus the other quarter', async () => {
    const { a, providerScope, municipalScope } = await provider();
    const half = parsePeriod('2026-H1')!;
    for (const scope of [providerScope, municipalScope])
      await expect(
        getSpiegelrapportage(scope, { agbCode: a.agbCode!, period: half, version: 'deelbaar' }, AS_OF),
      ).rejects.toThrow('Een deelbare spiegelrapportage gaat over een kwartaal of een jaar');
    // the provider's internal report still may
    const own = await getSpiegelrapportage(
      providerScope,
      { agbCode: a.agbCode!, period: half, version: 'intern' },
      AS_OF,
    );
    expect(own.period.kind).toBe('halfjaar');
  });
});
