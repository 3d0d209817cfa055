import { describe, expect, it } from 'vitest';
import { expectScope } from '@/lib/access/scope';
import { exampleRecords, toCsv } from '@/lib/cbs/write-files';
import { db } from '@/lib/db';
import { processUpload } from '@/lib/imports/process-upload';
import { runImportJob } from '@/lib/jobs/run-import-job';
import { getImportSchedule, listProcessing } from '@/lib/services/processing/list-processing';
import { rerunUpload } from '@/lib/services/processing/rerun-upload';
import { receiveUpload } from '@/lib/uploads/receive-upload';
import { makeAanbieder, makeTtp, makeUser, scopeOf } from './helpers/fixtures';

const ttpScope = async () => expectScope(await scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id), 'ttp');

describe('processing monitor', () => {
  it('shows every provider’s uploads with errors counted per code, never the values', async () => {
    const a = await makeAanbieder();
    const rows = exampleRecords(a.agbCode!).map((r, i) =>
      i === 0 ? { ...r, traject_id: 'TR-GEHEIM-1', hulpvorm: '99' } : r,
    );
    const r = await receiveUpload({
      aanbiederId: a.id,
      content: Buffer.from(toCsv(rows)),
      fileName: 'm.csv',
      kind: 'TEST',
    });
    await processUpload(r.id);
    const list = await listProcessing(await ttpScope());
    const mine = list.find((u) => u.id === r.id)!;
    expect(mine).toMatchObject({
      status: 'VERWERKT_MET_FOUTEN',
      errorCodes: { ONBEKENDE_CODE: 1 },
      aanbieder: { agbCode: a.agbCode },
    });
    expect(JSON.stringify(list)).not.toContain('TR-GEHEIM-1');
    expect(JSON.stringify(list)).not.toContain('"report"');
  });

  it('re-runs only a refused or stuck file whose raw file is still kept', async () => {
    const a = await makeAanbieder();
    const scope = await ttpScope();
    const ok = await receiveUpload({
      aanbiederId: a.id,
      content: Buffer.from(toCsv(exampleRecords(a.agbCode!))),
      fileName: 'ok.csv',
      kind: 'TEST',
    });
    await processUpload(ok.id);
    await expect(rerunUpload(scope, ok.id)).rejects.toThrow(/afgewezen of vastgelopen/);
    // a file that got stuck (a crashed run) is processed again on request
    const stuck = await receiveUpload({
      aanbiederId: a.id,
      content: Buffer.from(toCsv(exampleRecords(a.agbCode!).slice(0, 2))),
      fileName: 'vast.csv',
      kind: 'TEST',
    });
    await db().upload.update({ where: { id: stuck.id }, data: { status: 'IN_VERWERKING' } });
    await rerunUpload(scope, stuck.id);
    expect((await db().upload.findUniqueOrThrow({ where: { id: stuck.id } })).status).toBe('VERWERKT');
    expect(await db().auditLog.count({ where: { event: 'import.opnieuw', object: `upload ${stuck.id}` } })).toBe(1);
    // without the raw file there is nothing to re-run
    await db().upload.update({ where: { id: stuck.id }, data: { status: 'AFGEWEZEN', storagePath: null } });
    await expect(rerunUpload(scope, stuck.id)).rejects.toThrow(/nog bewaard/);
  });

  it('knows when the import last ran and when the next nightly run is', async () => {
    await runImportJob(['TEST']);
    const s = await getImportSchedule(new Date('2026-11-23T00:30:00Z')); // 01:30 in Amsterdam: tonight still
    expect(s.lastRunAt).not.toBeNull();
    expect(s.nextNight).toBe('maandag 23 november, 02:00');
    expect((await getImportSchedule(new Date('2026-11-23T02:30:00Z'))).nextNight).toBe('dinsdag 24 november, 02:00');
  }, 120_000); // the run takes every test file other tests left waiting in this shared database
});
