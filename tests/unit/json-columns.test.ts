import { describe, expect, it } from 'vitest';
import { parseFileReport, reportCsvRows } from '@/lib/imports/file-report';
import { parseSpiegelrapportage } from '@/lib/services/reports/spiegelrapportage-json';

// JSON columns are parsed at the edge of the database, not cast: a stored value of another shape is
// caught where it is read.
describe('JSON columns', () => {
  it('read an upload report as it was stored, and a damaged one as no report', () => {
    const report = {
      rows: 2,
      accepted: 1,
      rejected: 1,
      errors: [{ line: 3, field: 'verwijzer', value: '99', code: 'CODE', message: 'onbekend' }],
    };
    expect(parseFileReport(report)).toEqual(report);
    expect(parseFileReport({ rows: '2', errors: 'veel' })).toBeNull();
    expect(parseFileReport(null)).toBeNull();
  });

  it('refuse frozen figures that are not a spiegelrapportage', () => {
    expect(() => parseSpiegelrapportage({ version: 'deelbaar', indicators: 'geen' })).toThrow();
  });
});

describe('the report as CSV', () => {
  it('keeps the row errors of a file refused as a whole, after the refusal', () => {
    const rows = reportCsvRows({
      rows: 3,
      accepted: 0,
      rejected: 1,
      errors: [{ line: 3, field: 'pseudo_id', value: '', code: 'BSN', message: 'Dit lijkt een BSN.' }],
      fileError: 'Op regel 3 staat in de kolom cliëntnummer een BSN.',
    });
    expect(rows).toEqual([
      ['', 'bestand', '', 'AFGEWEZEN', 'Op regel 3 staat in de kolom cliëntnummer een BSN.'],
      [3, 'pseudo_id', '', 'BSN', 'Dit lijkt een BSN.'],
    ]);
  });
});
