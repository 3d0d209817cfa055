import { randomBytes } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FileRejected } from '@/lib/cbs/file-rejected';
import { FIELD_KEYS } from '@/lib/cbs/layout';
import type { ReadRow } from '@/lib/cbs/read-text-records';
import { readXlsx } from '@/lib/cbs/read-xlsx-records';
import { ELEMENT_TOO_LONG, packSharedStrings, sharedStringAt, xmlText } from '@/lib/cbs/xlsx-xml';

// The workbook reader scans the sheet's XML itself, so these workbooks are written by hand the way
// other writers than ExcelJS write them: namespace prefixes (the OpenXML SDK), the shared strings after
// the sheets (Excel), rich text, rows and cells without references, and a first sheet that is not the
// first in the zip.
const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const col = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`);
const at = (key: string) => FIELD_KEYS.indexOf(key as (typeof FIELD_KEYS)[number]);

// Cell styles: 0 general, 1 a built-in date (14), 2 a custom date, 3 a time (20), 4 a custom number
// format with a quoted "d" (no date).
const STYLES = `<x:styleSheet ${NS}><x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="dd-mm-yyyy"/><x:numFmt numFmtId="165" formatCode="&quot;Dag &quot;0"/></x:numFmts><x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs><x:cellXfs count="5"><x:xf numFmtId="0"/><x:xf numFmtId="14" applyNumberFormat="1"/><x:xf numFmtId="164"/><x:xf numFmtId="20"/><x:xf numFmtId="165"/></x:cellXfs></x:styleSheet>`;

function workbook(
  sheetRows: string,
  decoy = '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Toelichting</x:t></x:is></x:c></x:row>',
  workbookPr = '',
) {
  // Shared strings: the header's names, then a plain and a rich string (with a phonetic guide).
  const shared = [...FIELD_KEYS, '12345678', null];
  const si = shared
    .map((s) =>
      s === null
        ? '<x:si><x:r><x:t>CL-</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">0001</x:t></x:r><x:rPh><x:t>ふりがな</x:t></x:rPh></x:si>'
        : `<x:si><x:t>${s}</x:t></x:si>`,
    )
    .join('');
  const header = FIELD_KEYS.map((_, i) => `<x:c r="${col(i)}1" t="s"><x:v>${i}</x:v></x:c>`).join('');
  const sheet = (rows: string) =>
    strToU8(`<?xml version="1.0"?><x:worksheet ${NS}><x:sheetData>${rows}</x:sheetData></x:worksheet>`);
  return Buffer.from(
    zipSync({
      'xl/workbook.xml': strToU8(
        `<x:workbook ${NS} ${R_NS}>${workbookPr}<x:sheets><x:sheet name="Trajecten" sheetId="2" r:id="rId2"/><x:sheet name="Toelichting" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
          // Single quotes are XML too.
          "<Relationship Id='rId2' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet' Target='/xl/worksheets/sheet2.xml'/>" +
          '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
          '</Relationships>',
      ),
      'xl/worksheets/sheet1.xml': sheet(decoy),
      'xl/worksheets/sheet2.xml': sheet(`<x:row r="1">${header}</x:row>${sheetRows}`),
      'xl/styles.xml': strToU8(STYLES),
      'xl/sharedStrings.xml': strToU8(`<x:sst ${NS} count="${shared.length}">${si}</x:sst>`),
    }),
  );
}

async function rowsOf(buf: Buffer, sliceBytes = buf.length): Promise<ReadRow[]> {
  const slices = function* () {
    for (let i = 0; i < buf.length; i += sliceBytes) yield buf.subarray(i, i + sliceBytes);
  };
  const rows: ReadRow[] = [];
  for await (const row of readXlsx(slices, buf.length)) rows.push(row);
  return rows;
}

const raw = (row: ReadRow) => ('raw' in row ? row.raw : expect.unreachable('a row error'));

describe('the workbook reader', () => {
  const c = (key: string, attrs: string, inner: string) => `<x:c r="${col(at(key))}2" ${attrs}>${inner}</x:c>`;
  const row2 = [
    c('agb_code', 't="s"', `<x:v>${FIELD_KEYS.length}</x:v>`),
    c('pseudo_id', 't="s"', `<x:v>${FIELD_KEYS.length + 1}</x:v>`),
    c('traject_id', 't="inlineStr"', '<x:is><x:t>TR&amp;1 &#x3C;a&#62;</x:t></x:is>'),
    `<x:c r='${col(at('geboortejaar'))}2'><x:v>2010</x:v></x:c>`,
    c('gemeentecode', 't="str"', '<x:v>0363</x:v>'),
    c('einddatum', 't="d"', '<x:v>2026-02-27T00:00:00Z</x:v>'),
    c('tevredenheid', '', '<x:f>4+4</x:f><x:v>8</x:v>'),
    c('crisis', 't="b"', '<x:v>0</x:v>'),
    c('hulpvorm', 's="3"', '<x:v>1.0E+1</x:v>'),
  ].join('');
  // Row 3 without any reference: cells in order from column A, the row after the one before.
  const row3 = `<x:row>${FIELD_KEYS.map((k) => `<x:c t="inlineStr"><x:is><x:t>${k}-3</x:t></x:is></x:c>`).join('')}</x:row>`;
  // An empty row and a row of styled cells without values are no records.
  const blank = '<x:row r="4"/><x:row r="5"><x:c r="A5" s="1"/><x:c r="B5" s="1"></x:c></x:row>';

  it('reads the first sheet of the workbook, cell by cell as the provider meant it', async () => {
    const buf = workbook(`<x:row r="2" spans="1:24">${row2}</x:row>${row3}${blank}`);
    // Whole, and in slices that cut elements and characters apart.
    for (const rows of [await rowsOf(buf), await rowsOf(buf, 7)]) {
      expect(rows.map((r) => r.line)).toEqual([2, 3]);
      expect(raw(rows[0])).toMatchObject({
        agb_code: '12345678',
        pseudo_id: 'CL-0001',
        traject_id: 'TR&1 <a>',
        geboortejaar: '2010',
        gemeentecode: '0363',
        einddatum: '20260227',
        tevredenheid: '=4+4', // a formula is refused by validation, whatever it computed
        crisis: 'false',
        hulpvorm: '10',
        geslacht: '', // a cell that is not there
      });
      expect(raw(rows[1])).toMatchObject({ agb_code: 'agb_code-3', meetdatum: 'meetdatum-3' });
    }
  });

  it('reads a header without records as no rows; refuses a workbook without a sheet and a row that never ends, in Dutch', async () => {
    await expect(rowsOf(workbook(''))).resolves.toEqual([]);
    const noSheet = Buffer.from(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }));
    await expect(rowsOf(noSheet)).rejects.toThrow(/bevat geen gegevens op het eerste werkblad/);
    // Random letters: a text that does not compress, so the zip check lets it through.
    const endless = workbook(
      `<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>${randomBytes(2 * 1024 * 1024).toString('base64')}`,
    );
    const err = await rowsOf(endless).catch((e: Error) => e);
    expect(err).toBeInstanceOf(FileRejected);
    expect((err as Error).message).toBe(ELEMENT_TOO_LONG);
  }, 30_000);

  it('reads a number in a date format as the date it shows, in either date system; other numbers as numbers', async () => {
    const dates = (serial: (days: number) => number) =>
      `<x:row r="2">${[
        c('einddatum', 's="1"', `<x:v>${serial(46080)}</x:v>`), // 27 February 2026
        c('begindatum', 's="2"', `<x:v>${serial(45292) + 0.75}</x:v>`), // 1 January 2024, 18:00
        c('meetdatum', 's="3"', '<x:v>46080</x:v>'), // a time format: no date
        c('geboortejaar', 's="4"', '<x:v>2010</x:v>'), // "Dag "0: a quoted d is no day
        c('gemeentecode', 's="1"', '<x:v>0</x:v>'), // no day Excel shows
      ].join('')}</x:row>`;
    const expected = {
      einddatum: '20260227',
      begindatum: '20240101',
      meetdatum: '46080',
      geboortejaar: '2010',
      gemeentecode: '0',
    };
    const [in1900] = await rowsOf(workbook(dates((d) => d)));
    expect(raw(in1900)).toMatchObject(expected);
    // The 1904 system counts 1,462 days fewer to the same date.
    const [in1904] = await rowsOf(
      workbook(
        dates((d) => d - 1462),
        undefined,
        '<x:workbookPr date1904="1"/>',
      ),
    );
    expect(raw(in1904)).toMatchObject(expected);
  });

  it('resolves no external entity (XXE): a DOCTYPE is ignored and its entities stay text', async () => {
    const doctype = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
    const buf = workbook(`<x:row r="2">${c('pseudo_id', 't="inlineStr"', '<x:is><x:t>&xxe;</x:t></x:is>')}</x:row>`);
    // The DOCTYPE in the sheet itself, as an attacker would put it.
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(buf);
    const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet2.xml']).replace('<?xml version="1.0"?>', doctype);
    parts['xl/worksheets/sheet2.xml'] = strToU8(sheet);
    const rows = await rowsOf(Buffer.from(zipSync(parts)));
    expect(raw(rows[0]).pseudo_id).toBe('&xxe;');
    expect(JSON.stringify(rows)).not.toContain('root:');
  });

  it('keeps the shared strings in one shared buffer and gives each back as it was', () => {
    const strings = ['', 'CL-0001', 'Zoë', '日本', '😀 x', 'a\uD800b'];
    const table = packSharedStrings(strings);
    expect(table.bytes.buffer).toBeInstanceOf(SharedArrayBuffer); // the workers read it without a copy
    expect(strings.map((_, i) => sharedStringAt(table, i))).toEqual([...strings.slice(0, 5), 'a\uFFFDb']);
    expect([sharedStringAt(table, -1), sharedStringAt(table, 6), sharedStringAt(table, Number.NaN)]).toEqual([
      '',
      '',
      '',
    ]);
  });

  it('resolves entities and character references, and leaves unknown ones as written', () => {
    expect(xmlText('a &amp; b &lt;&gt; &quot;&apos; &#233; &#x1F600; &nbsp;')).toBe('a & b <> "\' é 😀 &nbsp;');
  });
});
