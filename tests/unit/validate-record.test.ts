import { describe, expect, it } from 'vitest';
import { FIELDS, type RawRecord } from '@/lib/cbs/layout';
import { parseFields, parseWithSchema } from '@/lib/cbs/validate-record';
import { exampleRecords, exampleWmoRecords } from '@/lib/cbs/write-files';

// The import checks a row's fields without zod (parseFields, the hot path) and reports through the
// schema; both rest on the same rule per field. A row must pass one exactly when it passes the
// other, with the same values: otherwise a file would be accepted that the report calls wrong, or
// the other way round.

const ODD_VALUES = [
  '',
  ' ',
  '0',
  '00',
  '1',
  '01',
  '7',
  '07',
  '10',
  '11',
  '-1',
  '99',
  '2',
  ' 03 ',
  'J',
  'N',
  'x',
  '=1',
  '+31',
  '@a',
  '1900',
  '1899',
  '2099',
  '20260231',
  '20240229',
  '20230229',
  '20250101',
  ' 20250101',
  '0855',
  '855',
  '12345678',
  '1234567',
  'A'.repeat(21),
  'CL-1',
];

describe('the fast field check and the schema agree', () => {
  for (const domein of ['JEUGD', 'WMO'] as const) {
    it(`on every field of a ${domein} row, for ${ODD_VALUES.length} odd values each`, () => {
      const disagreements: string[] = [];
      let accepted = 0;
      for (const base of (domein === 'WMO' ? exampleWmoRecords : exampleRecords)('12345678')) {
        for (const f of FIELDS) {
          for (const value of ODD_VALUES) {
            const raw = { ...base, [f.key]: value } as RawRecord;
            const fast = parseFields(raw, domein);
            const schema = parseWithSchema(raw, domein);
            const same = schema.success ? JSON.stringify(fast) === JSON.stringify(schema.data) : fast === null;
            if (!same) disagreements.push(`${f.key}=${JSON.stringify(value)}`);
            if (fast) accepted++;
          }
        }
      }
      expect(disagreements).toEqual([]);
      expect(accepted).toBeGreaterThan(100); // the matrix holds valid rows, not only refused ones
    });
  }
  it('a value that is not text (a spreadsheet cell read as a number) goes to the schema, which refuses it', () => {
    const raw = { ...exampleRecords('12345678')[0], geboortejaar: 2015 } as unknown as RawRecord;
    expect(parseFields(raw, 'JEUGD')).toBeNull();
    expect(parseWithSchema(raw, 'JEUGD').success).toBe(false);
  });
});
