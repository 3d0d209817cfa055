import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { preflightText, preflightXlsx } from '@/lib/cbs/preflight';
import { exampleRecords, toXlsx } from '@/lib/cbs/write-files';
import { forgedZipBomb } from '../fixtures/forged-zip-bomb';

// The browser's check before anything is sent (lib/cbs/preflight.ts): papaparse reads the CSV, the
// import's header rule judges the header, and a BSN in the client-number column stops the upload.
const HEADER =
  'agb_code;pseudo_id;traject_id;geboortejaar;geslacht;gemeentecode;begindatum;einddatum;reden_einde;verwijzer;hulpvorm';
const row = (pseudo: string, traject = 'T1') => `12345678;${pseudo};${traject};2012;V;0855;20260105;20260630;01;01;02`;

describe('the browser pre-check of a CSV file', () => {
  it('finds a BSN (11-proef) in the client-number column and names its line', () => {
    const p = preflightText([HEADER, row('ABC-1'), row('111222333'), row('XYZ-9')].join('\r\n'));
    expect(p.format).toBe('CSV (scheidingsteken ;)');
    expect(p.rowsChecked).toBe(3);
    expect(p.bsnLines).toEqual([3]);
  });

  it('reads quoted fields with the delimiter inside them, so columns stay where they are', () => {
    // traject_id before pseudo_id: a naive split on ";" would read `1"` as the client number and miss the BSN.
    const header =
      'agb_code;traject_id;pseudo_id;geboortejaar;geslacht;gemeentecode;begindatum;einddatum;reden_einde;verwijzer;hulpvorm';
    const quoted = `12345678;"T;1";111222333;2012;V;0855;20260105;20260630;01;01;02`;
    expect(preflightText([header, quoted].join('\n')).bsnLines).toEqual([2]);
    const escaped = `12345678;"T ""2""";ABC-7;2012;V;0855;20260105;20260630;01;01;02`;
    expect(preflightText([header, escaped].join('\n'))).toMatchObject({ bsnLines: [], rowsChecked: 1 });
  });

  it('tells before sending what the server would refuse: a header without a required column', () => {
    const p = preflightText(['agb_code;pseudo_id;traject_id', '12345678;ABC;T1'].join('\n'));
    expect(p.problem).toMatch(/De kopregel mist de kolom\(men\): .*geboortejaar/);
  });

  it('uses the comma when the header holds more commas than semicolons', () => {
    expect(
      preflightText([HEADER.replaceAll(';', ','), row('111222333').replaceAll(';', ',')].join('\n')),
    ).toMatchObject({
      format: 'CSV (scheidingsteken ,)',
      bsnLines: [2],
    });
  });
});

describe('the browser pre-check of an Excel file', () => {
  it('reads the first sheet as the import does, and names the row of a BSN in the client-number column', async () => {
    const records = exampleRecords('12345678');
    records[2] = { ...records[2], pseudo_id: '111222333' };
    const p = preflightXlsx(new Uint8Array(await toXlsx(records)));
    expect(p).toMatchObject({ format: 'Excel (.xlsx)', rowsChecked: records.length, bsnLines: [4] });
    expect(p.problem).toBeUndefined();
  });

  it('tells before sending what the server would refuse: a header without a required column', () => {
    const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const sheet = `<worksheet><sheetData><row r="1">${cell('A1', 'agb_code')}${cell('B1', 'pseudo_id')}</row><row r="2">${cell('A2', '12345678')}${cell('B2', '111222333')}</row></sheetData></worksheet>`;
    const p = preflightXlsx(zipSync({ 'xl/worksheets/sheet1.xml': strToU8(sheet) }));
    expect(p.problem).toMatch(/De kopregel mist de kolom\(men\): .*traject_id/);
  });

  it('measures what the file really unpacks to: a zip bomb with forged sizes is stopped in the browser', () => {
    const check = preflightXlsx(new Uint8Array(forgedZipBomb(40)));
    expect(check.problem).toContain('zip-bom');
  }, 30_000);
});
