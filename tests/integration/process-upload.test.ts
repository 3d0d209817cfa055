import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { withScope } from '@/lib/access/with-scope';
import type { RawRecord } from '@/lib/cbs/layout';
import { validateRecord } from '@/lib/cbs/validate-record';
import { exampleRecords, exampleWmoRecords, toCsv, toFixedWidth, toXlsx } from '@/lib/cbs/write-files';
import { db } from '@/lib/db';
import { PARALLEL_FROM_BYTES } from '@/lib/imports/copy-lines';
import { processUpload } from '@/lib/imports/process-upload';
import { validateFile } from '@/lib/imports/validate-file';
import { deleteExpiredFiles, runImportJob } from '@/lib/jobs/run-import-job';
import { readUploadFile } from '@/lib/uploads/file-store';
import { receiveUpload } from '@/lib/uploads/receive-upload';
import { makeAanbieder, makeUser } from './helpers/fixtures';
import { storedUploadFiles } from './helpers/upload-store';

async function signedAanbieder() {
  const a = await makeAanbieder();
  await db().processingAgreement.create({
    data: { aanbiederId: a.id, version: '2026.1', status: 'ONDERTEKEND', signedAt: new Date() },
  });
  return a;
}
const count = (aanbiederId: string) => withScope('system', (tx) => tx.trajectory.count({ where: { aanbiederId } }));

/** n rows of one example record (the first Jeugd example unless other examples are given), each its own client and trajectory. */
function bigRows(agb: string, n: number, [template] = exampleRecords(agb)): RawRecord[] {
  return Array.from({ length: n }, (_, i) => ({ ...template, pseudo_id: `CL-${i}`, traject_id: `TR-${i}` }));
}
const bigFile = (agb: string, n: number) => Buffer.from(toCsv(bigRows(agb, n)));

describe('receiving an upload', () => {
  it('stores the file encrypted before the receipt, and recognises the same file again', async () => {
    const a = await signedAanbieder();
    const content = Buffer.from(toCsv(exampleRecords(a.agbCode!)));
    const first = await receiveUpload({ aanbiederId: a.id, content, fileName: 'jan.csv', kind: 'PRODUCTIE' });
    expect(first).toMatchObject({ duplicate: false, sizeBytes: content.length });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = await db().upload.findUniqueOrThrow({ where: { id: first.id } });
    const { readFileSync } = await import('node:fs');
    const onDisk = readFileSync(stored.storagePath!);
    expect(onDisk.includes(Buffer.from('CL-7f3a91c2'))).toBe(false); // encrypted at rest
    const again = await receiveUpload({ aanbiederId: a.id, content, fileName: 'jan-kopie.csv', kind: 'PRODUCTIE' });
    expect(again).toMatchObject({ id: first.id, duplicate: true });
  });

  it('takes a body as it arrives, chunk by chunk: the same receipt, the same bytes stored, nothing left over', async () => {
    const a = await signedAanbieder();
    const content = bigFile(a.agbCode!, 20_000); // ~3 MB: several of the store's 1 MB slices
    const arriving = async function* (bytes: Buffer) {
      for (let i = 0, step = 1; i < bytes.length; i += step, step = (step * 7 + 13) % 300_000)
        yield bytes.subarray(i, i + step);
    };
    const files = () => storedUploadFiles().length;
    const before = files();
    const r = await receiveUpload({ aanbiederId: a.id, content: arriving(content), fileName: 's.csv', kind: 'TEST' });
    expect(r).toMatchObject({
      duplicate: false,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    const stored = await db().upload.findUniqueOrThrow({ where: { id: r.id } });
    expect((await readUploadFile(r.id, stored.storagePath!)).equals(content)).toBe(true);
    expect(files()).toBe(before + 1);
    // the same bytes whole: recognised, and the copy written while they arrived is removed again
    const again = await receiveUpload({ aanbiederId: a.id, content, fileName: 's2.csv', kind: 'TEST' });
    expect(again).toMatchObject({ id: r.id, duplicate: true });
    expect(files()).toBe(before + 1);
    // an empty body: refused in Dutch, nothing stored
    await expect(
      receiveUpload({ aanbiederId: a.id, content: arriving(Buffer.alloc(0)), fileName: 'leeg.csv', kind: 'TEST' }),
    ).rejects.toThrow('Het bestand is leeg.');
    expect(files()).toBe(before + 1);
  });
});

describe('processing an upload', () => {
  const damage = {
    'one byte flipped': (bytes: Buffer) => {
      bytes[40] ^= 1;
      return bytes;
    },
    'cut short': (bytes: Buffer) => bytes.subarray(0, 10),
    // read in slices (larger than PARALLEL_FROM_BYTES): the tag fails after the first pass
    'one byte flipped near the end of a large file': (bytes: Buffer) => {
      bytes[bytes.length - 100] ^= 1;
      return bytes;
    },
    // the same for a workbook: its first pass is the zip check (readXlsx)
    'one byte flipped near the end of a large Excel file': (bytes: Buffer) => {
      bytes[bytes.length - 100] ^= 1;
      return bytes;
    },
  };
  it.each(Object.keys(damage) as (keyof typeof damage)[])(
    'refuses a stored file that was altered on disk (authenticated encryption): %s',
    async (how) => {
      const a = await signedAanbieder();
      const excel = how.includes('Excel');
      const content = excel
        ? await toXlsx(bigRows(a.agbCode!, 36_000))
        : how.includes('large')
          ? bigFile(a.agbCode!, 30_000)
          : Buffer.from(toCsv(exampleRecords(a.agbCode!)));
      if (how.includes('large')) expect(content.length).toBeGreaterThan(PARALLEL_FROM_BYTES);
      const fileName = excel ? 'apr.xlsx' : 'apr.csv';
      const r = await receiveUpload({ aanbiederId: a.id, content, fileName, kind: 'PRODUCTIE' });
      const { storagePath } = await db().upload.findUniqueOrThrow({ where: { id: r.id } });
      const { readFileSync, writeFileSync } = await import('node:fs');
      writeFileSync(storagePath!, damage[how](readFileSync(storagePath!)));
      await processUpload(r.id);
      const upload = await db().upload.findUniqueOrThrow({ where: { id: r.id } });
      expect(upload.status).toBe('AFGEWEZEN');
      expect((upload.report as { fileError: string }).fileError).toBe(
        'Het opgeslagen bestand kon niet worden gelezen. Lever het opnieuw aan.',
      );
      expect(await count(a.id)).toBe(0);
    },
    60_000,
  );

  it('refuses a large Wmo workbook delivered as Jeugd, and says which domain it fits', async () => {
    // The hint reads the first row again; a workbook above PARALLEL_FROM_BYTES is read in slices
    // for it, as the import reads it (readXlsx), not held whole.
    const a = await signedAanbieder();
    const wmo = bigRows(a.agbCode!, 36_000, exampleWmoRecords(a.agbCode!));
    expect(validateRecord(wmo[0], 2, a.agbCode!, 'WMO').errors).toEqual([]);
    const content = await toXlsx(wmo);
    expect(content.length).toBeGreaterThan(PARALLEL_FROM_BYTES);
    const r = await receiveUpload({ aanbiederId: a.id, content, fileName: 'wmo.xlsx', kind: 'PRODUCTIE' });
    await processUpload(r.id);
    const upload = await db().upload.findUniqueOrThrow({ where: { id: r.id } });
    expect(upload.status).toBe('AFGEWEZEN');
    expect((upload.report as { fileError: string }).fileError).toContain('lever dit bestand aan als Wmo');
    expect(await count(a.id)).toBe(0);
  }, 60_000);

  it('imports a large workbook whose dates were typed as dates in Excel, read by the worker threads', async () => {
    // Written by hand as Excel writes a typed date: a day number in a cell whose style has a date
    // format (xl/styles.xml), the shared strings after the sheet. Stored uncompressed, so the file is
    // above PARALLEL_FROM_BYTES and its cells are read in the workers, which get the styles once.
    const a = await signedAanbieder();
    const rows = bigRows(a.agbCode!, 4_000, [exampleRecords(a.agbCode!)[1]]);
    const day = (ymd: string) =>
      (Date.UTC(+ymd.slice(0, 4), +ymd.slice(4, 6) - 1, +ymd.slice(6, 8)) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const dates = new Set(['begindatum', 'einddatum', 'meetdatum']);
    const keys = Object.keys(rows[0]) as (keyof RawRecord)[];
    const text = (v: string) => `<c t="inlineStr"><is><t>${v}</t></is></c>`;
    const sheetXml = [
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      `<row r="1">${keys.map((k) => `<c t="s"><v>${keys.indexOf(k)}</v></c>`).join('')}</row>`,
      ...rows.map(
        (r, i) =>
          `<row r="${i + 2}">${keys.map((k) => (dates.has(k) && r[k] ? `<c s="1"><v>${day(r[k])}</v></c>` : text(r[k]))).join('')}</row>`,
      ),
      '</sheetData></worksheet>',
    ].join('');
    const { strToU8, zipSync } = await import('fflate');
    const content = Buffer.from(
      zipSync(
        {
          'xl/worksheets/sheet1.xml': strToU8(sheetXml),
          'xl/styles.xml': strToU8(
            '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
          ),
          'xl/sharedStrings.xml': strToU8(`<sst>${keys.map((k) => `<si><t>${k}</t></si>`).join('')}</sst>`),
        },
        { level: 0 },
      ),
    );
    expect(content.length).toBeGreaterThan(PARALLEL_FROM_BYTES);
    const r = await receiveUpload({ aanbiederId: a.id, content, fileName: 'datums.xlsx', kind: 'PRODUCTIE' });
    await processUpload(r.id);
    const upload = await db().upload.findUniqueOrThrow({ where: { id: r.id } });
    expect(upload.report).toMatchObject({ rows: rows.length, accepted: rows.length, rejected: 0 });
    const last = await withScope('system', (tx) =>
      tx.trajectory.findFirstOrThrow({ where: { aanbiederId: a.id, trajectId: rows.at(-1)!.traject_id } }),
    );
    const iso = (ymd: string) => `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
    expect(last.begindatum.toISOString().slice(0, 10)).toBe(iso(rows[0].begindatum));
    expect(last.einddatum?.toISOString().slice(0, 10)).toBe(iso(rows[0].einddatum));
  }, 60_000);

  it('rewrites only the records a production file changes when it is sent again, and says how many', async () => {
    const a = await signedAanbieder();
    const rows = bigRows(a.agbCode!, 20);
    const deliver = async (content: RawRecord[], fileName: string) => {
      const r = await receiveUpload({
        aanbiederId: a.id,
        content: Buffer.from(toCsv(content)),
        fileName,
        kind: 'PRODUCTIE',
      });
      await processUpload(r.id);
      return r.id;
    };
    const first = await deliver(rows, 'jan.csv');
    // February's file: January's records again, two of them corrected, and one new.
    const feb = [...rows.map((r, i) => (i < 2 ? { ...r, verwijzer: '03' } : r)), { ...rows[0], traject_id: 'TR-20' }];
    const second = await deliver(feb, 'feb.csv');
    const notes = await db().notification.findMany({ where: { organisationId: a.id }, orderBy: { createdAt: 'asc' } });
    expect(notes.map((n) => n.text)).toEqual([
      expect.stringContaining('20 van 20 records goedgekeurd, waarvan 20 nieuw of gewijzigd.'),
      expect.stringContaining('21 van 21 records goedgekeurd, waarvan 3 nieuw of gewijzigd.'),
    ]);
    const byUpload = await withScope('system', (tx) =>
      tx.trajectory.groupBy({ by: ['uploadId'], where: { aanbiederId: a.id }, _count: true }),
    );
    const reports = await db().upload.findMany({ where: { aanbiederId: a.id }, orderBy: { receivedAt: 'asc' } });
    expect(reports.map((u) => (u.report as { written?: number }).written)).toEqual([20, 3]);
    // The 18 unchanged rows were not rewritten: they still carry January's upload.
    expect(Object.fromEntries(byUpload.map((g) => [g.uploadId, g._count]))).toEqual({ [first]: 18, [second]: 3 });
    const corrected = await withScope('system', (tx) =>
      tx.trajectory.findMany({
        where: { aanbiederId: a.id, uploadId: second },
        select: { trajectId: true, verwijzer: true },
      }),
    );
    expect(corrected.map((t) => `${t.trajectId} ${t.verwijzer}`).sort()).toEqual(['TR-0 03', 'TR-1 03', 'TR-20 01']);
  });

  it('notifies the provider in the portal and by e-mail', async () => {
    const a = await signedAanbieder();
    const user = await makeUser('AANBIEDER_UPLOAD', a.id);
    const r = await receiveUpload({
      aanbiederId: a.id,
      actor: { userId: user.id, email: user.email, role: user.role, organisationId: a.id, organisationName: a.name },
      content: Buffer.from(toCsv(exampleRecords(a.agbCode!))),
      fileName: 'feb.csv',
      kind: 'TEST',
    });
    expect(await processUpload(r.id)).toBe('verwerkt');
    expect((await db().notification.findFirstOrThrow({ where: { organisationId: a.id } })).text).toContain(
      '4 van 4 records',
    );
    expect((await db().outboxMail.findFirstOrThrow({ where: { to: user.email } })).body).toContain(
      `/aanbieder/uploads/${r.id}`,
    );
  });

  it('imports a file once when two workers race for it', async () => {
    const a = await signedAanbieder();
    const r = await receiveUpload({
      aanbiederId: a.id,
      content: bigFile(a.agbCode!, 3000),
      fileName: 'groot.csv',
      kind: 'PRODUCTIE',
    });
    const outcomes = await Promise.all([processUpload(r.id), processUpload(r.id)]);
    expect(outcomes.sort()).toEqual(['overgeslagen', 'verwerkt']);
    expect(await count(a.id)).toBe(3000);
  });

  // A large text file is read in slices of 1 MB (twice: the encoding is decided over all of it):
  // é in every trajectnummer as UTF-8 (two bytes; empty lines after the header put one across the
  // first slice's end), or as Windows-1252 only on the last line, far beyond the first slice.
  const accented = (r: RawRecord[]) => r.map((x) => ({ ...x, traject_id: `é${x.traject_id}` }));
  const cutAtFirstSlice = (csv: string) => {
    const [header, body] = [csv.slice(0, csv.indexOf('\n') + 1), csv.slice(csv.indexOf('\n') + 1)];
    for (let blank = 0; ; blank++) {
      const bytes = Buffer.from(header + '\n'.repeat(blank) + body);
      if (bytes[1024 * 1024 - 1] === 0xc3) return bytes; // the first byte of é ends the first slice
    }
  };
  const encoders = {
    csv: async (r: RawRecord[]) => Buffer.from(toCsv(r)),
    vasteBreedte: async (r: RawRecord[]) => Buffer.from(toFixedWidth(r)),
    xlsx: toXlsx,
    csvUtf8: async (r: RawRecord[]) => cutAtFirstSlice(toCsv(accented(r))),
    csvWindows1252: async (r: RawRecord[]) =>
      Buffer.from(toCsv([...r.slice(0, -1), ...accented(r.slice(-1))]), 'latin1'),
  };
  it.each(Object.keys(encoders) as (keyof typeof encoders)[])(
    'checks a large %s file in worker threads with the row report and the records of the one-thread path',
    async (format) => {
      const a = await signedAanbieder();
      const [template] = exampleRecords(a.agbCode!);
      const rows: RawRecord[] = Array.from({ length: 36_000 }, (_, i) => ({
        ...template,
        pseudo_id: `CL-${i % 9000}`,
        traject_id: `TR-${i}`,
        // spread over the batches: an unknown code, an impossible date, a repeated key
        ...(i % 997 === 5 ? { verwijzer: '99' } : {}),
        ...(i % 1999 === 7 ? { begindatum: '20260231' } : {}),
        ...(i % 2003 === 11 ? { traject_id: `TR-${i - 11}` } : {}),
      }));
      const content = await encoders[format](rows);
      expect(content.length).toBeGreaterThan(PARALLEL_FROM_BYTES);
      const expected = await validateFile(content, a.agbCode!);
      expect(expected.report.rejected).toBeGreaterThan(20);
      const r = await receiveUpload({ aanbiederId: a.id, content, fileName: `groot.${format}`, kind: 'PRODUCTIE' });
      await processUpload(r.id);
      const upload = await db().upload.findUniqueOrThrow({ where: { id: r.id } });
      // Every approved record is new at this provider: all of them written.
      expect(upload.report).toEqual({
        ...JSON.parse(JSON.stringify(expected.report)),
        written: expected.report.accepted,
      });
      expect(upload.status).toBe('VERWERKT_MET_FOUTEN');
      const stored = await withScope('system', (tx) =>
        tx.trajectory.findMany({ where: { aanbiederId: a.id }, select: { trajectId: true }, orderBy: { id: 'asc' } }),
      );
      expect(stored.map((t) => t.trajectId)).toEqual(expected.records.map((rec) => rec.trajectId));
      if (format === 'csvUtf8' || format === 'csvWindows1252') expect(stored.at(-1)?.trajectId).toBe('éTR-35999');
    },
    60_000,
  );

  it('reads at a lower priority than the portal, its worker threads too, so that a busy portal goes first; bundled, without tsx', async () => {
    const a = await signedAanbieder();
    const content = bigFile(a.agbCode!, 40_000);
    expect(content.length).toBeGreaterThan(PARALLEL_FROM_BYTES); // checked in worker threads
    const r = await receiveUpload({ aanbiederId: a.id, content, fileName: 'groot.csv', kind: 'PRODUCTIE' });
    // the niceness of every thread of the reading child, sampled while it runs
    const { execFileSync } = await import('node:child_process');
    const seen: number[][] = [];
    const commands = new Set<string>();
    let running = true;
    const sampling = (async () => {
      while (running) {
        const lines = execFileSync('ps', ['-eLo', 'ni=,args='], { encoding: 'utf8' })
          .split('\n')
          .filter((l) => l.includes('read-upload-child'));
        for (const l of lines) commands.add(l.trim().split(/\s+/).slice(1).join(' '));
        const threads = lines.map((l) => Number(l.trim().split(/\s+/)[0]));
        if (threads.length) seen.push(threads);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await processUpload(r.id);
    running = false;
    await sampling;
    expect(await count(a.id)).toBe(40_000);
    // at some moment the child and at least one worker thread it started ran at niceness 10
    expect(Math.max(...seen.map((threads) => threads.filter((ni) => ni === 10).length))).toBeGreaterThanOrEqual(2);
    expect(os.getPriority()).toBe(0); // the portal's own process is left as it was
    // and it runs bundled, in plain node: no tsx loader (its threads and esbuild cost ~70 MB; reader-bundle.ts)
    expect([...commands].length).toBeGreaterThan(0);
    for (const command of commands) {
      expect(command).toMatch(/read-upload-child\.mjs/);
      expect(command).not.toMatch(/tsx/);
    }
  }, 60_000);

  it('survives a SIGKILL mid-import: the rerun imports every record exactly once', async () => {
    await runImportJob(); // an empty queue: the killed job must be working on this file
    const a = await signedAanbieder();
    const n = 60_000;
    const r = await receiveUpload({
      aanbiederId: a.id,
      content: bigFile(a.agbCode!, n),
      fileName: 'zwaar.csv',
      kind: 'PRODUCTIE',
    });
    // node --import tsx: one process (the tsx launcher would leave its child running after a SIGKILL)
    const job = () =>
      spawn(process.execPath, ['--import', 'tsx', 'scripts/job-import.ts'], { env: process.env, stdio: 'ignore' });
    const child = job();
    // wait until the worker is loading records (COPY or merge: its transaction is open), then kill it
    // (as the owner: the application role may not read other sessions' queries)
    const owner = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await owner.connect();
    const activity = async (where: string) =>
      (
        await owner.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND (${where})`,
        )
      ).rows[0].n as number;
    await expect
      .poll(
        () =>
          activity(`state = 'active' AND (query LIKE 'COPY import_staging%' OR query LIKE '%INSERT INTO trajectory%')`),
        { timeout: 60_000, interval: 20 },
      )
      .toBeGreaterThan(0);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    await expect
      .poll(
        () =>
          activity(
            `(state LIKE 'idle in transaction%' OR (state = 'active' AND query LIKE '%INSERT INTO trajectory%'))`,
          ),
        { timeout: 10_000 },
      )
      .toBe(0);
    await owner.end();
    expect(await count(a.id)).toBe(0);
    expect((await db().upload.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('IN_VERWERKING');
    const rerun = job();
    const code = await new Promise((resolve) => rerun.once('exit', resolve));
    expect(code).toBe(0);
    expect(await count(a.id)).toBe(n);
    expect((await db().upload.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('VERWERKT');
  }, 120_000);

  it('deletes the raw file after the retention period, keeping the record of the upload', async () => {
    const a = await signedAanbieder();
    const r = await receiveUpload({
      aanbiederId: a.id,
      content: Buffer.from(toCsv(exampleRecords(a.agbCode!))),
      fileName: 'mrt.csv',
      kind: 'TEST',
    });
    await processUpload(r.id);
    const { storagePath } = await db().upload.findUniqueOrThrow({ where: { id: r.id } });
    expect(existsSync(storagePath!)).toBe(true);
    await deleteExpiredFiles(new Date(Date.now() + 31 * 86_400_000));
    expect(existsSync(storagePath!)).toBe(false);
    expect(await db().upload.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      storagePath: null,
      status: 'VERWERKT',
    });
  });
});

describe('a file with a BSN in it', () => {
  it('is refused whole even when sent past the browser, and its stored copy is deleted at once', async () => {
    const a = await signedAanbieder();
    const rows = exampleRecords(a.agbCode!).map((r, i) => (i === 1 ? { ...r, pseudo_id: '111222333' } : r));
    const r = await receiveUpload({
      aanbiederId: a.id,
      content: Buffer.from(toCsv(rows)),
      fileName: 'met-bsn.csv',
      kind: 'PRODUCTIE',
    });
    const { storagePath } = await db().upload.findUniqueOrThrow({ where: { id: r.id } });
    expect(existsSync(storagePath!)).toBe(true);
    await processUpload(r.id);
    const u = await db().upload.findUniqueOrThrow({ where: { id: r.id } });
    expect(u.status).toBe('AFGEWEZEN');
    expect(u.storagePath).toBeNull();
    expect(u.fileDeletedAt).not.toBeNull();
    expect(existsSync(storagePath!)).toBe(false); // not kept for the retention period
    expect(await count(a.id)).toBe(0); // not one record of the file, the good ones neither
    const report = JSON.stringify(u.report);
    expect(report).toContain('regel 3');
    expect(report).toContain('BSN');
    expect(report).not.toContain('111222333');
    const audit = await db().auditLog.findFirst({
      where: { event: 'upload.bsn-verwijderd', object: { contains: r.id } },
    });
    expect(audit?.object).not.toContain('111222333');
  });
});
