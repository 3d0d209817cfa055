import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '@/lib/access/scope';
import { withScope } from '@/lib/access/with-scope';
import { exampleRecords, toCsv } from '@/lib/cbs/write-files';
import { db } from '@/lib/db';
import { processUpload } from '@/lib/imports/process-upload';
import { findIndicator } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { pseudonymise } from '@/lib/pseudonym/pseudonymise';
import { deletionStatementPdf, processingRegisterPdf } from '@/lib/renderers/privacy-pdf';
import { changeAgreement } from '@/lib/services/agreements/change-agreement';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';
import { deleteEndedProviderData } from '@/lib/services/privacy/delete-provider-data';
import { statementIsValid } from '@/lib/services/privacy/deletion-statement';
import { getDeletionStatement } from '@/lib/services/privacy/get-deletion-statement';
import { getProcessingRegister } from '@/lib/services/privacy/processing-register';
import { enforceRetention, retentionCutoff } from '@/lib/services/privacy/retention';
import { startReturn } from '@/lib/services/privacy/return-data';
import { inzageAnswer, submitSubjectRequest, ZSubjectRequest } from '@/lib/services/privacy/subject-requests';
import { receiveUpload } from '@/lib/uploads/receive-upload';
import {
  loadRecords,
  makeAanbieder,
  makeGemeente,
  makeTtp,
  makeUser,
  type RecordInput,
  scopeOf,
} from './helpers/fixtures';

// The TTP's duties as a processor (issue 18, docs/privacy.md): retention, the end of an agreement
// (verwijderen and teruggeven, with a signed statement) and requests concerning one client.

const owner = new pg.Client({ connectionString: process.env.DATABASE_URL }); // sees past row-level security
beforeAll(() => owner.connect());
afterAll(() => owner.end());
const DAY = 86_400_000;
const TODAY = new Date('2026-11-29T12:00:00Z');

const trajectIdsOf = async (aanbiederId: string) =>
  (
    await withScope('system', (tx) =>
      tx.trajectory.findMany({ where: { aanbiederId }, select: { trajectId: true }, orderBy: { trajectId: 'asc' } }),
    )
  ).map((t) => t.trajectId);
const volgendeStartOf = async (trajectId: string) =>
  (await withScope('system', (tx) => tx.trajectory.findFirstOrThrow({ where: { trajectId } }))).volgendeStart;

async function signedAanbieder() {
  const a = await makeAanbieder();
  const agreement = await db().processingAgreement.create({
    data: { aanbiederId: a.id, version: '2026.1', status: 'ONDERTEKEND', signedAt: new Date(), validFrom: new Date() },
  });
  const upload = await scopeOf((await makeUser('AANBIEDER_UPLOAD', a.id)).id);
  const inzage = await scopeOf((await makeUser('AANBIEDER_INZAGE', a.id)).id);
  return { aanbieder: a, agreement, upload, inzage };
}
const ttpScope = async () => scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id);
const gemeenteScope = async () => {
  const g = await makeGemeente();
  return { gemeente: g, scope: await scopeOf((await makeUser('GEMEENTE', g.id)).id) };
};

describe('retention of trajectories', () => {
  it('deletes exactly the trajectories past the term, in batches, audited with counts; dashboards still work', async () => {
    const { gemeente, scope } = await gemeenteScope();
    const a = await makeAanbieder();
    const run = randomUUID().slice(0, 6);
    const row = (id: string, begindatum: string, einddatum: string | null): RecordInput => ({
      client: `ret-${run}-${id}`,
      trajectId: `R${run}-${id}`,
      gemeentecode: gemeente.cbsCode!,
      begindatum,
      einddatum,
    });
    // Figures for the dashboard: 12 trajectories that ended in 2026.
    const recent = Array.from({ length: 12 }, (_, i) =>
      row(`n${String(i).padStart(2, '0')}`, '2026-01-05', '2026-06-30'),
    );
    await loadRecords(a, [
      row('g1', '2019-02-01', '2019-05-01'),
      row('g2', '2020-03-01', '2020-12-31'),
      row('ke', '2020-06-01', '2021-01-01'),
      row('kr', '2015-01-01', null),
      ...recent,
    ]);
    expect(retentionCutoff(TODAY).toISOString().slice(0, 10)).toBe('2021-01-01'); // 5 full years: 2021–2025

    expect(await enforceRetention(TODAY, 1)).toBe(2); // a batch of one: the loop must go on
    const left = await trajectIdsOf(a.id);
    expect(left).not.toContain(`R${run}-g1`);
    expect(left).not.toContain(`R${run}-g2`);
    expect(left).toEqual(expect.arrayContaining([`R${run}-ke`, `R${run}-kr`]));
    expect(left).toHaveLength(14);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { event: 'bewaartermijn.toegepast' },
      orderBy: { id: 'desc' },
    });
    expect(JSON.parse(audit.object!)).toMatchObject({ einddatumVoor: '2021-01-01', trajecten: 2 });
    expect(audit.object).not.toContain(`R${run}`); // counts, never row values

    const v = await getIndicatorView(
      scope,
      findIndicator('uitval')!,
      parseViewParams(scope, new URLSearchParams('eind_van=2026-01&eind_tm=2026-06'), TODAY),
    );
    expect(v.total.populatie.suppressed).toBe(false);
    expect(Math.abs((v.total.populatie.n ?? Number.NaN) - 12)).toBeLessThanOrEqual(3);
  });
});

describe('the end of an agreement', () => {
  it('needs the provider’s choice and a confirmation before a signed agreement ends', async () => {
    const ttp = await ttpScope();
    const { agreement } = await signedAanbieder();
    const end = (extra: object) =>
      changeAgreement(ttp as never, { id: agreement.id, step: 'beeindigen', ...extra }, null);
    await expect(end({})).rejects.toThrow(/verwijderen of teruggeven/);
    await expect(end({ keuze: 'VERWIJDEREN' })).rejects.toThrow(/Bevestig/);
    expect((await db().processingAgreement.findUniqueOrThrow({ where: { id: agreement.id } })).status).toBe(
      'ONDERTEKEND',
    );
  });

  it('verwijderen: after the notice period no table or file holds the provider’s client-level data', async () => {
    const ttp = await ttpScope();
    const { aanbieder, agreement, upload, inzage } = await signedAanbieder();
    const other = await makeAanbieder();
    const run = randomUUID().slice(0, 6);
    const mine = (i: number): RecordInput => ({
      client: `del-${run}-${i}`,
      trajectId: `DEL-${run}-${i}`,
      begindatum: '2026-02-01',
      einddatum: '2026-06-30',
    });
    await loadRecords(aanbieder, [
      ...Array.from({ length: 8 }, (_, i) => mine(i)),
      { ...mine(99), client: `shared-${run}` },
    ]);
    // Another provider's trajectory of the shared client, ended before ours began: linked to our start.
    await loadRecords(other, [
      { client: `shared-${run}`, trajectId: `OTH-${run}`, begindatum: '2025-06-01', einddatum: '2026-01-15' },
    ]);
    expect(await volgendeStartOf(`OTH-${run}`)).toEqual(new Date('2026-02-01T00:00:00Z'));
    // A real upload (report and encrypted file), and a request about a client.
    const records = exampleRecords(aanbieder.agbCode!).map((r) => ({
      ...r,
      traject_id: `DEL-${run}-${r.traject_id.slice(-6)}`,
    }));
    const receipt = await receiveUpload({
      aanbiederId: aanbieder.id,
      content: Buffer.from(toCsv(records)),
      fileName: 'mei.csv',
      kind: 'PRODUCTIE',
    });
    await processUpload(receipt.id);
    const stored = await db().upload.findUniqueOrThrow({ where: { id: receipt.id } });
    expect(stored.storagePath && existsSync(stored.storagePath)).toBe(true);
    await submitSubjectRequest(
      upload,
      ZSubjectRequest.parse({ soort: 'INZAGE', trajectnummers: `DEL-${run}-1` }),
      null,
    );
    // The stage-2 pseudonyms of this provider's own clients (the example file's clients are shared
    // with other tests' providers, and rightly stay with them).
    const pseudonyms = Array.from({ length: 8 }, (_, i) => pseudonymise(`del-${run}-${i}`));
    const ownClients = await withScope('system', (tx) =>
      tx.trajectory.count({ where: { aanbiederId: aanbieder.id, clientPseudonym: { in: pseudonyms } } }),
    );
    expect(ownClients).toBe(8);

    const { deletionDueOn } = await changeAgreement(
      ttp as never,
      { id: agreement.id, step: 'beeindigen', keuze: 'VERWIJDEREN', bevestigd: 'ja' },
      null,
    );
    const due = deletionDueOn!;
    expect(Math.round((due.getTime() - Date.parse(new Date().toISOString().slice(0, 10))) / DAY)).toBe(30);
    // Within the notice period nothing goes.
    await deleteEndedProviderData(new Date(due.getTime() - DAY));
    expect((await trajectIdsOf(aanbieder.id)).length).toBeGreaterThan(0);

    await deleteEndedProviderData(due); // other tests' due agreements in this database go as well
    const deleted = await db().processingAgreement.findUniqueOrThrow({ where: { id: agreement.id } });
    expect(deleted.dataDeletedAt).not.toBeNull();
    // Every table, read as the owner (past row-level security), for anything of the provider's records.
    const markers = [`%DEL-${run}%`, ...pseudonyms.map((p) => `%${p}%`)];
    const { rows: tables } = await owner.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.length).toBeGreaterThan(15);
    for (const { table_name } of tables) {
      const { rows } = await owner.query(
        `SELECT count(*)::int AS n FROM "${table_name}" t WHERE row_to_json(t)::text LIKE ANY($1)`,
        [markers],
      );
      expect({ table: table_name, n: rows[0].n }).toEqual({ table: table_name, n: 0 });
    }
    expect(await db().upload.count({ where: { aanbiederId: aanbieder.id } })).toBe(0);
    expect(existsSync(stored.storagePath!)).toBe(false);
    // The other provider's trajectory is relinked: the start it pointed at is gone.
    expect(await volgendeStartOf(`OTH-${run}`)).toBeNull();
    // Running again does nothing twice: the statement stays as it was signed.
    await deleteEndedProviderData(due);
    const again = await db().processingAgreement.findUniqueOrThrow({ where: { id: agreement.id } });
    expect(again.deletionStatement).toEqual(deleted.deletionStatement);

    // The signed statement: counts and dates, valid, and refused when altered.
    const statement = await getDeletionStatement(inzage, agreement.id, null);
    expect(statement.aantallen).toMatchObject({
      trajectrecords: 9 + records.length, // one record per line: two respondents of one trajectory are two
      aanleveringen: 1,
      opgeslagenBestanden: 1,
      clientverzoeken: 1,
    });
    expect(statementIsValid(statement)).toBe(true);
    expect(statementIsValid({ ...statement, aantallen: { ...statement.aantallen, trajectrecords: 1 } })).toBe(false);
    const pdf = await deletionStatementPdf(statement);
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const { text } = await extractText(doc, { mergePages: true });
    expect(text).toContain('Verklaring van verwijdering');
    expect(text).toContain(`Trajectrecords (inclusief metingen): ${statement.aantallen.trajectrecords}`);
    expect((await doc.getMetadata()).info).toMatchObject({ Language: 'nl-NL' });
    // Only the provider concerned and the TTP: another provider gets "does not exist", a municipality no access.
    await expect(getDeletionStatement(ttp, agreement.id, null)).resolves.toMatchObject({ keuze: 'VERWIJDEREN' });
    const stranger = await signedAanbieder();
    await expect(getDeletionStatement(stranger.inzage, agreement.id, null)).rejects.toMatchObject({ status: 404 });
    await expect(getDeletionStatement((await gemeenteScope()).scope, agreement.id, null)).rejects.toMatchObject({
      status: 403,
    });
    await owner.query(
      `UPDATE processing_agreement SET deletion_statement = jsonb_set(deletion_statement, '{aantallen,trajectrecords}', '0') WHERE id = $1`,
      [agreement.id],
    );
    await expect(getDeletionStatement(inzage, agreement.id, null)).rejects.toThrow(/handtekening klopt niet/);
  });

  it('keeps the data when the provider signed a new agreement before the deletion was due', async () => {
    const ttp = await ttpScope();
    const { aanbieder, agreement } = await signedAanbieder();
    await loadRecords(aanbieder, [{ client: `renew-${randomUUID()}` }]);
    const { deletionDueOn } = await changeAgreement(
      ttp as never,
      { id: agreement.id, step: 'beeindigen', keuze: 'VERWIJDEREN', bevestigd: 'ja' },
      null,
    );
    await db().processingAgreement.create({
      data: { aanbiederId: aanbieder.id, version: '2027.1', status: 'ONDERTEKEND', signedAt: new Date() },
    });
    await deleteEndedProviderData(deletionDueOn!);
    expect(await trajectIdsOf(aanbieder.id)).toHaveLength(1);
  });

  it('teruggeven: the return file holds every record and the import accepts it again for that provider', async () => {
    const ttp = await ttpScope();
    const { aanbieder, agreement, upload, inzage } = await signedAanbieder();
    await expect(startReturn(upload, null)).rejects.toMatchObject({ status: 404 }); // nothing ended yet
    const receipt = await receiveUpload({
      aanbiederId: aanbieder.id,
      content: Buffer.from(toCsv(exampleRecords(aanbieder.agbCode!))),
      fileName: 'jan.csv',
      kind: 'PRODUCTIE',
    });
    await processUpload(receipt.id);
    const stored = await trajectIdsOf(aanbieder.id);
    expect(stored.length).toBe(exampleRecords().length);
    await changeAgreement(
      ttp as never,
      { id: agreement.id, step: 'beeindigen', keuze: 'TERUGGEVEN', bevestigd: 'ja' },
      null,
    );
    await expect(startReturn(inzage, null)).rejects.toMatchObject({ status: 403 }); // read-only role

    const { lines } = await startReturn(upload, null);
    let csv = '';
    for await (const l of lines) csv += l;
    const body = csv.trim().split('\r\n').slice(1);
    expect(body).toHaveLength(stored.length);
    expect(
      (await db().processingAgreement.findUniqueOrThrow({ where: { id: agreement.id } })).returnedAt,
    ).not.toBeNull();
    // The stage-2 pseudonym never leaves: the client field carries the provider's own trajectory id.
    const pseudonyms = await withScope('system', (tx) =>
      tx.trajectory.findMany({ where: { aanbiederId: aanbieder.id } }),
    );
    for (const t of pseudonyms) expect(csv).not.toContain(t.clientPseudonym.slice(3, 20));
    expect(body.every((l) => l.split(';')[1] === l.split(';')[2])).toBe(true);

    const again = await receiveUpload({
      aanbiederId: aanbieder.id,
      content: Buffer.from(csv),
      fileName: 'terug.csv',
      kind: 'TEST',
    });
    await processUpload(again.id);
    expect(await db().upload.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({
      status: 'VERWERKT',
      rowCount: stored.length,
      acceptedCount: stored.length,
      rejectedCount: 0,
    });
  });
});

describe('requests concerning one client', () => {
  async function twoProviders() {
    const d = await signedAanbieder();
    const e = await signedAanbieder();
    const run = randomUUID().slice(0, 6);
    await loadRecords(d.aanbieder, [
      { client: `x-${run}`, trajectId: `D-${run}-1`, begindatum: '2026-02-01', einddatum: '2026-05-31' },
      {
        client: `y-${run}`,
        trajectId: `D-${run}-2`,
        begindatum: '2026-02-01',
        einddatum: '2026-05-31',
        tevredenheid: 8,
      },
    ]);
    await loadRecords(e.aanbieder, [
      { client: `x-${run}`, trajectId: `E-${run}-1`, begindatum: '2025-09-01', einddatum: '2026-01-31' },
    ]);
    return { d, e, run };
  }
  const ask = (scope: Scope, soort: string, trajectnummers: string) =>
    submitSubjectRequest(scope, ZSubjectRequest.parse({ soort, trajectnummers }), null);

  it('verwijdering removes the trajectories and relinks the client’s trajectories at other providers', async () => {
    const { d, e, run } = await twoProviders();
    expect(await volgendeStartOf(`E-${run}-1`)).toEqual(new Date('2026-02-01T00:00:00Z'));
    const receipt = await ask(d.upload, 'VERWIJDERING', `D-${run}-1\nONBEKEND-1`);
    expect(receipt).toMatchObject({ kind: 'VERWIJDERING', asked: 2, found: 1, deleted: 1 });
    expect(receipt.number).toBeGreaterThan(0);
    expect(await trajectIdsOf(d.aanbieder.id)).toEqual([`D-${run}-2`]);
    expect(await volgendeStartOf(`E-${run}-1`)).toBeNull();
    expect(await trajectIdsOf(e.aanbieder.id)).toEqual([`E-${run}-1`]);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { event: 'clientverzoek.verwijdering' },
      orderBy: { id: 'desc' },
    });
    expect(audit.object).toBe(`verzoek ${receipt.number}: 2 trajectnummers, 1 gevonden, 1 records verwijderd`);
  });

  it('reaches only the provider’s own trajectories, and only for the roles that may ask', async () => {
    const { d, e, run } = await twoProviders();
    // Another provider naming these ids finds nothing and deletes nothing.
    expect(await ask(e.upload, 'VERWIJDERING', `D-${run}-1, D-${run}-2`)).toMatchObject({ found: 0, deleted: 0 });
    expect(await trajectIdsOf(d.aanbieder.id)).toHaveLength(2);
    await expect(ask(d.inzage, 'VERWIJDERING', `D-${run}-1`)).rejects.toMatchObject({ status: 403 });
    await expect(ask((await gemeenteScope()).scope, 'VERWIJDERING', `D-${run}-1`)).rejects.toMatchObject({
      status: 403,
    });
    await expect(ask(await ttpScope(), 'VERWIJDERING', `D-${run}-1`)).rejects.toMatchObject({ status: 403 });
    expect(await trajectIdsOf(d.aanbieder.id)).toHaveLength(2);
    expect(() => ZSubjectRequest.parse({ soort: 'INZAGE', trajectnummers: ' , ' })).toThrow(/minstens één/);
    expect(() =>
      ZSubjectRequest.parse({
        soort: 'INZAGE',
        trajectnummers: Array.from({ length: 101 }, (_, i) => `T${i}`).join(' '),
      }),
    ).toThrow(/hoogstens 100/);
  });

  it('inzage answers with what the TTP holds, for the asking provider only, without the secret record keys', async () => {
    const { d, e, run } = await twoProviders();
    const receipt = await ask(d.upload, 'INZAGE', `D-${run}-2`);
    expect(receipt).toMatchObject({ found: 1, deleted: 0 });
    const { csv } = await inzageAnswer(d.upload, receipt.id, null);
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header.split(';')).toEqual(expect.arrayContaining(['traject_id', 'tevredenheid', 'ttp_pseudoniem']));
    expect(rows).toHaveLength(1);
    const cell = (name: string) => rows[0].split(';')[header.split(';').indexOf(name)];
    expect(cell('traject_id')).toBe(`D-${run}-2`);
    expect(cell('tevredenheid')).toBe('8');
    const t = await withScope('system', (tx) => tx.trajectory.findFirstOrThrow({ where: { trajectId: `D-${run}-2` } }));
    expect(cell('ttp_pseudoniem')).toBe(t.clientPseudonym);
    expect(csv).not.toContain(String(t.clientKey));
    expect(csv).not.toContain(String(t.rowKey));
    await expect(inzageAnswer(e.upload, receipt.id, null)).rejects.toMatchObject({ status: 404 });
  });
});

describe('the register of processing activities', () => {
  it('is generated from the agreements, settings and data, for TTP admins only', async () => {
    const { aanbieder } = await signedAanbieder();
    const ttp = await ttpScope();
    const register = await getProcessingRegister(ttp, null);
    const section = (title: RegExp) => register.sections.find((s) => title.test(s.title))!;
    const controllers = section(/Verwerkingsverantwoordelijken/).rows;
    expect(controllers.find(([name]) => name.startsWith(aanbieder.name))?.[1]).toMatch(/versie 2026\.1, ondertekend/);
    expect(section(/Bewaartermijnen/).rows.find(([l]) => l === 'Trajecten')?.[1]).toMatch(/^5 volle kalenderjaren/);
    expect(section(/Betrokkenen/).rows.find(([l]) => l === 'Gegevens')?.[1]).toContain('Cliënttevredenheid');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await processingRegisterPdf(register))), {
      mergePages: true,
    });
    expect(text).toContain('Register van verwerkingsactiviteiten');
    expect(text).toContain(aanbieder.name);
    await expect(getProcessingRegister((await gemeenteScope()).scope, null)).rejects.toMatchObject({ status: 403 });
    await expect(getProcessingRegister((await signedAanbieder()).upload, null)).rejects.toMatchObject({ status: 403 });
  });
});
