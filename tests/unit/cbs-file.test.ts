import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { looksLikeBsn } from '@/lib/cbs/bsn';
import { FIXED_WIDTH_LENGTH, type RawRecord } from '@/lib/cbs/layout';
import { exampleRecords, toCsv, toFixedWidth, toXlsx } from '@/lib/cbs/write-files';
import { validateFile } from '@/lib/imports/validate-file';
import { forgedZipBomb } from '../fixtures/forged-zip-bomb';

// Real bytes in every accepted format, and the malformed files providers actually send.
const AGB = '12345678';
const rows = exampleRecords(AGB);
const csv = (records: RawRecord[], d: ';' | ',' = ';') => Buffer.from(toCsv(records, d), 'utf8');
const withField = (i: number, field: keyof RawRecord, value: string) =>
  rows.map((r, j) => (j === i ? { ...r, [field]: value } : r));
const errorOf = async (buf: Buffer) => (await validateFile(buf, AGB)).report;

describe('11-proef', () => {
  it('recognises BSN-like numbers and nothing else', () => {
    expect(looksLikeBsn('111222333')).toBe(true);
    expect(looksLikeBsn('123456782')).toBe(true);
    expect(looksLikeBsn('123456789')).toBe(false);
    expect(looksLikeBsn('CL-12345678')).toBe(false);
    expect(looksLikeBsn('000000000')).toBe(false);
  });
});

describe('valid files in every format give the same records', () => {
  it('CSV with ; and with , with and without BOM, fixed width, xlsx', async () => {
    const variants = [
      csv(rows),
      csv(rows, ','),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv(rows)]),
      Buffer.from(toFixedWidth(rows), 'latin1'),
      await toXlsx(rows),
    ];
    for (const buf of variants) {
      const { report, records } = await validateFile(buf, AGB);
      expect(report.fileError).toBeUndefined();
      expect(report).toMatchObject({ rows: 4, accepted: 4, rejected: 0 });
      expect(records[1]).toMatchObject({
        trajectId: 'TR-2025-0871',
        respondent: '1',
        tevredenheid: 8,
        redenEinde: '01',
      });
      expect(records[1].einddatum?.toISOString().slice(0, 10)).toBe('2026-02-27');
    }
  });
  it('reads Windows-1252 text', async () => {
    const text = toCsv(withField(0, 'traject_id', 'TR-Zoë-1'));
    const { records } = await validateFile(Buffer.from(text, 'latin1'), AGB);
    expect(records[0].trajectId).toBe('TR-Zoë-1');
  });
  it('reads a file without the optional and conditional columns (no measurements delivered)', async () => {
    const header =
      'agb_code;pseudo_id;traject_id;geboortejaar;geslacht;gemeentecode;begindatum;einddatum;verwijzer;hulpvorm';
    const { report } = await validateFile(
      Buffer.from(
        `${header}\r\n${AGB};CL-1;T-1;2012;V;0855;20260105;;01;02\r\n${AGB};CL-2;T-2;2012;V;0855;20260105;20260301;01;02\r\n`,
      ),
      AGB,
    );
    expect(report).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
    expect(report.errors[0]).toMatchObject({ line: 3, field: 'reden_einde', code: 'VERPLICHT' });
  });
  it('accepts codes without their leading zero, as spreadsheets save them', async () => {
    const { records } = await validateFile(csv(withField(3, 'reden_einde', '3')), AGB);
    expect(records[3].redenEinde).toBe('03');
  });
});

describe('a code-list error names every allowed code', () => {
  it('in numeric order, also for lists whose codes jump (hulpvorm 01–04, 11–14)', async () => {
    const report = await errorOf(csv(withField(0, 'hulpvorm', '99')));
    expect(report.errors[0]).toMatchObject({ field: 'hulpvorm', code: 'ONBEKENDE_CODE' });
    expect(report.errors[0].message).toBe('Onbekende code voor hulpvorm; verwacht 01, 02, 03, 04, 11, 12, 13, 14.');
    const profiel = await errorOf(csv(withField(0, 'profiel', '11')));
    expect(profiel.errors[0].message).toContain('verwacht 1 t/m 10.'); // a gapless list reads as a range
  });
});

describe('zip bombs are measured by what they really unpack to', () => {
  it('refuses a bomb whose headers declare a tiny size, without inflating it all', { timeout: 30_000 }, async () => {
    const bomb = forgedZipBomb(40);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { unzipSync } = await import('fflate');
    let declared = 0;
    unzipSync(bomb, {
      filter: (f) => {
        declared += f.originalSize;
        return false;
      },
    });
    expect(declared).toBe(1024); // what a check of the declared sizes would see
    const { report } = await validateFile(bomb, AGB);
    expect(report.fileError).toContain('zip-bom');
  });
});

describe('the published layout, written out by hand (not generated from layout.ts)', () => {
  // One ended trajectory with a measurement by the jeugdige, as the format page publishes it: the
  // widths below are typed from that table (8, 40, 20, 4, 1, 4, 8, 8, 2, 2, 2, 2, 2, 1, 1, 2, 1, 1,
  // 2, 1, 1, 2, 8 = 123 characters), so a wrong width or order in layout.ts fails here.
  const fixedLine =
    '12345678' + // agb_code (8)
    'CL-0b44de19                             ' + // pseudo_id (40)
    'TR-2025-0871        ' + // traject_id (20)
    '2011' + // geboortejaar (4)
    'M' + // geslacht (1)
    '0855' + // gemeentecode (4)
    '20250901' + // begindatum (8)
    '20260227' + // einddatum (8)
    '01' + // reden_einde (2)
    '01' + // verwijzer (2)
    '02' + // hulpvorm (2)
    '45' + // productcategorie (2)
    '3 ' + // profiel (2)
    '2' + // zorgvraagzwaarte (1)
    '1' + // complexiteit (1)
    '  ' + // perspectief (2)
    'N' + // crisis (1)
    '1' + // respondent (1)
    '8 ' + // tevredenheid (2)
    '3' + // zonder_hulp_verder (1)
    '2' + // afname_problematiek (1)
    '2 ' + // doelrealisatie (2)
    '20260220'; // meetdatum (8)
  const csvText =
    'agb_code;pseudo_id;traject_id;geboortejaar;geslacht;gemeentecode;begindatum;einddatum;reden_einde;verwijzer;hulpvorm;productcategorie;profiel;zorgvraagzwaarte;complexiteit;perspectief;crisis;respondent;tevredenheid;zonder_hulp_verder;afname_problematiek;doelrealisatie;meetdatum\r\n' +
    '12345678;CL-0b44de19;TR-2025-0871;2011;M;0855;20250901;20260227;01;01;02;45;3;2;1;;N;1;8;3;2;2;20260220\r\n';
  const expected = {
    pseudoId: 'CL-0b44de19',
    trajectId: 'TR-2025-0871',
    geboortejaar: 2011,
    geslacht: 'M',
    gemeentecode: '0855',
    redenEinde: '01',
    verwijzer: '01',
    hulpvorm: '02',
    productcategorie: '45',
    profiel: 3,
    zorgvraagzwaarte: 2,
    complexiteit: 1,
    perspectief: null,
    crisis: false,
    respondent: '1',
    tevredenheid: 8,
    zonderHulpVerder: 3,
    afnameProblematiek: 2,
    doelrealisatie: 2,
  };

  it('reads the hand-written fixed-width line and CSV to the same record', async () => {
    expect(fixedLine).toHaveLength(123);
    expect(FIXED_WIDTH_LENGTH).toBe(123);
    for (const buf of [Buffer.from(`${fixedLine}\r\n`, 'latin1'), Buffer.from(csvText)]) {
      const { report, records } = await validateFile(buf, '12345678');
      expect(report).toMatchObject({ rows: 1, accepted: 1, rejected: 0 });
      expect(records[0]).toMatchObject(expected);
      expect(records[0].begindatum.toISOString().slice(0, 10)).toBe('2025-09-01');
      expect(records[0].einddatum?.toISOString().slice(0, 10)).toBe('2026-02-27');
      expect(records[0].meetdatum?.toISOString().slice(0, 10)).toBe('2026-02-20');
    }
  });

  it('writes the example files exactly as the hand-written lines', () => {
    const record = rows.find((r) => r.traject_id === 'TR-2025-0871' && r.respondent === '1')!;
    expect(toFixedWidth([record])).toBe(`${fixedLine}\r\n`);
    expect(toCsv([record])).toBe(csvText);
  });
});

describe('row errors: line, field, value, code and a Dutch explanation', () => {
  const cases: [string, RawRecord[], string, string, RegExp][] = [
    ['unknown code', withField(0, 'hulpvorm', '99'), 'hulpvorm', 'ONBEKENDE_CODE', /Onbekende code voor hulpvorm/],
    ['impossible date', withField(0, 'begindatum', '20260231'), 'begindatum', 'ONGELDIGE_DATUM', /bestaande datum/],
    ['end before start', withField(1, 'einddatum', '20250801'), 'einddatum', 'EINDE_VOOR_BEGIN', /vóór de begindatum/],
    ['score out of range', withField(1, 'tevredenheid', '11'), 'tevredenheid', 'ONBEKENDE_CODE', /1 t\/m 10/],
    ['missing reden einde', withField(3, 'reden_einde', ''), 'reden_einde', 'VERPLICHT', /verplicht als de einddatum/],
    ['foreign AGB code', withField(0, 'agb_code', '87654321'), 'agb_code', 'AGB_ANDERS', /AGB-code van uw organisatie/],
    ['formula-looking value', withField(0, 'traject_id', '=HYPERLINK("x")'), 'traject_id', 'FORMAAT', /=, \+, - of @/],
    ['measurement without respondent', withField(1, 'respondent', ''), 'respondent', 'VERPLICHT', /bij een meting/],
    [
      'afname problematiek for free access',
      withField(1, 'verwijzer', '06'),
      'afname_problematiek',
      'NIET_VAN_TOEPASSING',
      /niet vrij toegankelijke/,
    ],
  ];
  for (const [name, records, field, code, message] of cases) {
    it(name, async () => {
      const report = await errorOf(csv(records));
      expect(report.rejected).toBe(1);
      expect(report.accepted).toBe(3);
      const e = report.errors.find((x) => x.field === field)!;
      expect(e).toMatchObject({ field, code });
      expect(e.message).toMatch(message);
      expect(e.line).toBeGreaterThan(1);
    });
  }
  it('a BSN-like client number is reported on its line, and refuses the whole file', async () => {
    const report = await errorOf(csv(withField(0, 'pseudo_id', '111222333')));
    expect(report.errors.find((x) => x.field === 'pseudo_id')).toMatchObject({ code: 'BSN', line: 2 });
    expect(report.errors[0].message).toMatch(/lijkt een BSN/);
    expect(report.accepted).toBe(0); // not one record of a file that carries a BSN
    expect(report.fileError).toMatch(/regel 2 staat in de kolom cliëntnummer een BSN/);
    expect(JSON.stringify(report)).not.toContain('111222333');
  });
  it('a duplicate key is refused with the line of its first occurrence', async () => {
    const report = await errorOf(csv([...rows, rows[0]]));
    expect(report.errors[0]).toMatchObject({ line: 6, code: 'DUBBELE_SLEUTEL' });
    expect(report.errors[0].message).toContain('regel 2');
  });
  it('a fixed-width line of the wrong length', async () => {
    const text = toFixedWidth(rows).split('\r\n');
    text[2] = `${text[2]}XXXX`;
    const report = await errorOf(Buffer.from(text.join('\r\n')));
    expect(report.errors[0]).toMatchObject({ line: 3, code: 'REGELLENGTE' });
    expect(report.errors[0].message).toContain(String(FIXED_WIDTH_LENGTH));
  });
});

describe('files rejected as a whole, with one clear message', () => {
  const cases: [string, () => Buffer | Promise<Buffer>, RegExp][] = [
    ['empty file', () => Buffer.alloc(0), /leeg/],
    ['header only', () => Buffer.from(toCsv([])), /geen records/],
    ['every row wrong', () => csv(rows.map((r) => ({ ...r, hulpvorm: '99' }))), /Geen enkel record/],
    ['wrong delimiter (tab)', () => Buffer.from(toCsv(rows).replace(/;/g, '\t')), /scheidingsteken/],
    ['UTF-16', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(toCsv(rows), 'utf16le')]), /UTF-16/],
    [
      'binary (an image)',
      () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      /Dit bestand is een afbeelding \(PNG\), geen aanlevering/,
    ],
    ['old .xls', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /\.xls/],
    ['truncated xlsx', async () => (await toXlsx(rows)).subarray(0, 900), /beschadigd of onvolledig/],
    [
      'zip bomb',
      () => Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 })),
      /zip-bom/,
    ],
    ['a 10 MB single line', () => Buffer.from(`agb_code;${'x'.repeat(10 * 1024 * 1024)}`), /langer dan/],
    ['missing columns', () => Buffer.from('agb_code;pseudo_id\r\n12345678;abc\r\n'), /mist de kolom/],
    ['plain prose', () => Buffer.from('Beste TTP,\nhierbij de cijfers.\nGroet'), /Geen enkel record|kopregel/],
  ];
  for (const [name, make, message] of cases) {
    it(name, { timeout: 30_000 }, async () => {
      const report = await errorOf(await make());
      expect(report.fileError).toMatch(message);
    });
  }
});
