import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { withScope, withScopedClient } from '@/lib/access/with-scope';
import { exampleRecords, toCsv } from '@/lib/cbs/write-files';
import { db } from '@/lib/db';
import { importFile } from '@/lib/imports/import-file';
import { openRecordSink } from '@/lib/imports/load-records';
import { validateFile } from '@/lib/imports/validate-file';
import { makeAanbieder } from './helpers/fixtures';

async function signedAanbieder() {
  const a = await makeAanbieder();
  await db().processingAgreement.create({
    data: { aanbiederId: a.id, version: '2026.1', status: 'ONDERTEKEND', signedAt: new Date() },
  });
  return a;
}
const rowsOf = (aanbiederId: string) =>
  withScope('system', (tx) =>
    tx.trajectory.findMany({ where: { aanbiederId }, orderBy: [{ trajectId: 'asc' }, { respondent: 'asc' }] }),
  );
const csvFor = (
  agb: string,
  change: (r: ReturnType<typeof exampleRecords>) => ReturnType<typeof exampleRecords> = (r) => r,
) => Buffer.from(toCsv(change(exampleRecords(agb))));

describe('importing a production file', () => {
  it('stores every record once, pseudonymised, never the client number', async () => {
    const a = await signedAanbieder();
    const { report } = await importFile({
      agbCode: a.agbCode!,
      content: csvFor(a.agbCode!),
      fileName: 'jan.csv',
      kind: 'PRODUCTIE',
    });
    expect(report).toMatchObject({ rows: 4, accepted: 4, rejected: 0 });
    const rows = await rowsOf(a.id);
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.clientPseudonym).toMatch(/^v1:[0-9a-f]{64}$/);
    expect(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('CL-');
    const upload = await db().upload.findFirstOrThrow({ where: { aanbiederId: a.id } });
    expect(upload).toMatchObject({ status: 'VERWERKT', acceptedCount: 4 });
  });

  it('recognises the same file and does not import it twice', async () => {
    const a = await signedAanbieder();
    const buf = csvFor(a.agbCode!);
    await importFile({ agbCode: a.agbCode!, content: buf, fileName: 'a.csv', kind: 'PRODUCTIE' });
    const again = await importFile({ agbCode: a.agbCode!, content: buf, fileName: 'kopie.csv', kind: 'PRODUCTIE' });
    expect(again.alreadyProcessed).toBe(true);
    expect(await db().upload.count({ where: { aanbiederId: a.id } })).toBe(1);
    expect(await rowsOf(a.id)).toHaveLength(4);
  });

  it('lets a later file replace a record with the same key (AGB, trajectnummer, respondent)', async () => {
    const a = await signedAanbieder();
    await importFile({ agbCode: a.agbCode!, content: csvFor(a.agbCode!), fileName: 'jan.csv', kind: 'PRODUCTIE' });
    const feb = csvFor(a.agbCode!, (rs) =>
      rs.map((r) => (r.traject_id === 'TR-2026-0001' ? { ...r, einddatum: '20260301', reden_einde: '02' } : r)),
    );
    await importFile({ agbCode: a.agbCode!, content: feb, fileName: 'feb.csv', kind: 'PRODUCTIE' });
    const rows = await rowsOf(a.id);
    expect(rows).toHaveLength(4); // replaced, not added; also the record without respondent
    expect(rows.find((r) => r.trajectId === 'TR-2026-0001')?.redenEinde).toBe('02');
  });

  it('keeps test files out of the data, and refuses production files without a signed agreement', async () => {
    const a = await makeAanbieder();
    const test = await importFile({
      agbCode: a.agbCode!,
      content: csvFor(a.agbCode!),
      fileName: 't.csv',
      kind: 'TEST',
    });
    expect(test.report.accepted).toBe(4);
    expect(await rowsOf(a.id)).toHaveLength(0);
    await expect(
      importFile({ agbCode: a.agbCode!, content: csvFor(a.agbCode!), fileName: 'p.csv', kind: 'PRODUCTIE' }),
    ).rejects.toThrow(/verwerkersovereenkomst/);
    expect(await db().upload.count({ where: { aanbiederId: a.id, kind: 'PRODUCTIE' } })).toBe(0);
  });

  it('rejects a production file whose every row is wrong, loading nothing', async () => {
    const a = await signedAanbieder();
    const { report } = await importFile({
      agbCode: a.agbCode!,
      content: csvFor(a.agbCode!, (rs) => rs.map((r) => ({ ...r, hulpvorm: '99' }))),
      fileName: 'fout.csv',
      kind: 'PRODUCTIE',
    });
    expect(report.fileError).toMatch(/Geen enkel record/);
    expect(await rowsOf(a.id)).toHaveLength(0);
  });

  it('loads nothing at all when the load fails halfway (one transaction)', async () => {
    const a = await signedAanbieder();
    const { records } = await validateFile(csvFor(a.agbCode!), a.agbCode!);
    await expect(
      withScopedClient('system', async (client) => {
        const sink = await openRecordSink(client, { aanbiederId: a.id, uploadId: null });
        for (const r of records) await sink.write(r);
        await sink.finish();
        throw new Error('stroomstoring');
      }),
    ).rejects.toThrow('stroomstoring');
    expect(await rowsOf(a.id)).toHaveLength(0);
  });
});

describe('npm run import:file', () => {
  const run = promisify(execFile);
  const cli = (args: string[]) =>
    run(path.join('node_modules', '.bin', 'tsx'), ['scripts/import-file.ts', ...args], { env: process.env }).then(
      (r) => ({ code: 0, out: JSON.parse(r.stdout) }),
      (e) => ({ code: e.code as number, out: e.stdout ? JSON.parse(e.stdout) : null }),
    );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gp-import-'));

  it('prints the JSON summary with row errors and exits 0 for a partly good file', async () => {
    const a = await signedAanbieder();
    const file = path.join(dir, 'deels.csv');
    writeFileSync(
      file,
      csvFor(a.agbCode!, (rs) => rs.map((r, i) => (i === 0 ? { ...r, geboortejaar: '20x3' } : r))),
    );
    const { code, out } = await cli(['--agb', a.agbCode!, '--file', file]);
    expect(code).toBe(0);
    expect(out).toMatchObject({ rows: 4, accepted: 3, rejected: 1 });
    expect(out.errors[0]).toMatchObject({ line: 2, field: 'geboortejaar', value: '20x3', code: 'FORMAAT' });
  });

  it('exits non-zero when the file is rejected as a whole', async () => {
    const a = await signedAanbieder();
    const file = path.join(dir, 'leeg.csv');
    writeFileSync(file, '');
    const { code, out } = await cli(['--agb', a.agbCode!, '--file', file, '--test']);
    expect(code).toBe(1);
    expect(out.fileError).toMatch(/leeg/);
  });
});
