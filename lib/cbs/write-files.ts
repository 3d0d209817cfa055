import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { type ColumnKey, DOMEIN_COLUMN, FIELD_KEYS, FIELDS, type RawRecord } from './layout';

// Writes records in each accepted format: the downloadable example files and the test fixtures
// come from here, so they always match the layout the parser reads.

const quoteFor = (delimiter: string) => (v: string) =>
  v.includes(delimiter) || v.includes('"') || /[\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

/** The layout's columns, and with the optional domein column (for files that hold both domains). */
export const WITH_DOMEIN: readonly ColumnKey[] = [...FIELD_KEYS, DOMEIN_COLUMN.key];

/** The header line of a delivery CSV, with its line end. */
export const csvHeader = (delimiter: ';' | ',' = ';', columns: readonly ColumnKey[] = FIELD_KEYS) =>
  `${columns.join(delimiter)}\r\n`;

/** One record as a line of a delivery CSV, with its line end. */
export const csvRow = (r: RawRecord, delimiter: ';' | ',' = ';', columns: readonly ColumnKey[] = FIELD_KEYS) =>
  `${columns.map((k) => quoteFor(delimiter)(r[k] ?? '')).join(delimiter)}\r\n`;

export function toCsv(records: RawRecord[], delimiter: ';' | ',' = ';'): string {
  return csvHeader(delimiter) + records.map((r) => csvRow(r, delimiter)).join('');
}

export function toFixedWidth(records: RawRecord[]): string {
  return `${records.map((r) => FIELDS.map((f) => r[f.key].padEnd(f.width).slice(0, f.width)).join('')).join('\r\n')}\r\n`;
}

/**
 * A workbook with shared strings, as Excel writes them. ExcelJS's streaming writer, row by row: its
 * in-memory workbook took 9 s for the tests' 36,000 rows, this ~2 s (session 18).
 */
export async function toXlsx(records: RawRecord[]): Promise<Buffer> {
  const out = new PassThrough();
  const written = buffer(out); // the whole zip, once the writer has ended the stream
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('trajecten');
  ws.addRow(FIELD_KEYS).commit();
  for (const r of records) ws.addRow(FIELD_KEYS.map((k) => r[k])).commit();
  ws.commit();
  await wb.commit();
  return written;
}

/** The AGB code in example files for someone not signed in as a provider: replace it by your own. */
export const EXAMPLE_AGB_PLACEHOLDER = '00000000';

/** Example Wmo rows: begeleiding and dagbesteding for adults, the client or a representative answering. */
export function exampleWmoRecords(agbCode = '12345678'): RawRecord[] {
  const base = {
    ...exampleRecords(agbCode)[0],
    hulpvorm: '',
    productcategorie: '02',
    profiel: '',
    zorgvraagzwaarte: '',
    complexiteit: '',
    crisis: '',
  };
  return [
    { ...base, pseudo_id: 'CL-a81c0e57', traject_id: 'WMO-2026-0014', geboortejaar: '1948', begindatum: '20260112' },
    {
      ...base,
      pseudo_id: 'CL-3e9b21d0',
      traject_id: 'WMO-2025-0388',
      geboortejaar: '1961',
      geslacht: 'M',
      productcategorie: '07',
      begindatum: '20250303',
      einddatum: '20260131',
      reden_einde: '01',
      respondent: '2',
      tevredenheid: '8',
      zonder_hulp_verder: '2',
      doelrealisatie: '1',
      meetdatum: '20260126',
    },
  ];
}

/** A small, valid example: a running trajectory, an ended one with two respondents, an uitval. */
export function exampleRecords(agbCode = '12345678'): RawRecord[] {
  const base = {
    agb_code: agbCode,
    geslacht: 'V',
    gemeentecode: '0855',
    verwijzer: '01',
    hulpvorm: '02',
    productcategorie: '45',
    profiel: '3',
    zorgvraagzwaarte: '2',
    complexiteit: '1',
    perspectief: '',
    crisis: 'N',
    reden_einde: '',
    einddatum: '',
    respondent: '',
    tevredenheid: '',
    zonder_hulp_verder: '',
    afname_problematiek: '',
    doelrealisatie: '',
    meetdatum: '',
  };
  return [
    { ...base, pseudo_id: 'CL-7f3a91c2', traject_id: 'TR-2026-0001', geboortejaar: '2013', begindatum: '20260105' },
    {
      ...base,
      pseudo_id: 'CL-0b44de19',
      traject_id: 'TR-2025-0871',
      geboortejaar: '2011',
      geslacht: 'M',
      begindatum: '20250901',
      einddatum: '20260227',
      reden_einde: '01',
      respondent: '1',
      tevredenheid: '8',
      zonder_hulp_verder: '3',
      afname_problematiek: '2',
      doelrealisatie: '2',
      meetdatum: '20260220',
    },
    {
      ...base,
      pseudo_id: 'CL-0b44de19',
      traject_id: 'TR-2025-0871',
      geboortejaar: '2011',
      geslacht: 'M',
      begindatum: '20250901',
      einddatum: '20260227',
      reden_einde: '01',
      respondent: '2',
      tevredenheid: '7',
      zonder_hulp_verder: '3',
      afname_problematiek: '2',
      doelrealisatie: '1',
      meetdatum: '20260221',
    },
    {
      ...base,
      pseudo_id: 'CL-5d2e7788',
      traject_id: 'TR-2025-0902',
      geboortejaar: '2009',
      gemeentecode: '0785',
      begindatum: '20251015',
      einddatum: '20260112',
      reden_einde: '03',
    },
  ] as RawRecord[];
}
