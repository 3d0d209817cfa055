import './test-env';
import { describe, expect, it } from 'vitest';
import { validateRecord } from '@/lib/cbs/validate-record';
import { exampleRecords } from '@/lib/cbs/write-files';
import { copyLine, currentLineKeys, STAGED_COLUMNS } from '@/lib/imports/copy-line';

// A record as one line of COPY text (the import's staging table): PostgreSQL's text format must hold
// for any trajectnummer a provider may send, or a value would shift into the next column.

const valid = (trajectId: string) => {
  const { record } = validateRecord({ ...exampleRecords('98100001')[1], traject_id: trajectId }, 2, '98100001');
  if (!record) throw new Error('example record should be valid');
  return record;
};

describe('copyLine', () => {
  it('escapes tab, newline, carriage return and backslash, so every record stays one line of its columns', () => {
    const line = copyLine(valid('A\tB\\C\rD'), currentLineKeys());
    expect(line.endsWith('\n')).toBe(true);
    const fields = line.slice(0, -1).split('\t');
    expect(fields).toHaveLength(STAGED_COLUMNS.length);
    expect(fields[STAGED_COLUMNS.indexOf('traject_id')]).toBe('A\\tB\\\\C\\rD');
  });

  it('writes null as \\N, booleans as t/f and dates as yyyy-mm-dd, and never the provider client number', () => {
    const r = { ...valid('T-1'), einddatum: null, redenEinde: null, crisis: true };
    const fields = copyLine(r, currentLineKeys()).slice(0, -1).split('\t');
    const at = (c: (typeof STAGED_COLUMNS)[number]) => fields[STAGED_COLUMNS.indexOf(c)];
    expect(at('einddatum')).toBe('\\N');
    expect(at('crisis')).toBe('t');
    expect(at('begindatum')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(at('client_pseudonym')).toMatch(/^v\d+:[0-9a-f]{64}$/);
    expect(fields).not.toContain(r.pseudoId);
  });
});
