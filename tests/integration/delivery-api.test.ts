import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deliverFile } from '@/app/api/deliver-file';
import { GET as status } from '@/app/api/v1/aanleveringen/[nummer]/route';
import { POST as deliver } from '@/app/api/v1/aanleveringen/route';
import { GET as indicator } from '@/app/api/v1/indicatoren/[indicator]/route';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';
import type { Scope } from '@/lib/access/scope';
import { expectScope } from '@/lib/access/scope';
import { exampleRecords, toCsv } from '@/lib/cbs/write-files';
import { db } from '@/lib/db';
import { processUpload } from '@/lib/imports/process-upload';
import { INDICATORS } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { RATE_LIMITS } from '@/lib/security/rate-limit';
import { issueApiToken } from '@/lib/services/api-tokens/issue-api-token';
import { revokeApiToken } from '@/lib/services/api-tokens/revoke-api-token';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';
import { makeAanbieder, makeGemeente, makeTtp, makeUser, scopeOf } from './helpers/fixtures';
import { storedUploadFiles } from './helpers/upload-store';

// The delivery API (issue 16) through its route handlers on real PostgreSQL, with real files: the
// same receipt and report as the browser path, the malformed corpus answered the same way, and the
// tokens attacked (wrong kind, another provider, revoked, too often, no agreement).
process.env.JOBS_IN_SERVER = 'uit'; // test files are processed here by hand, not by a job runner
process.env.UPLOAD_MAX_MB = '1'; // the size limit, small enough to cross in a test

const post = (token: string | null, query: string, body: BodyInit) =>
  deliver(
    new Request(`http://test/api/v1/aanleveringen?${query}`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body,
    }),
    { params: Promise.resolve({}) },
  );
const get = (token: string, nummer: string, accept = 'application/json') =>
  status(
    new Request(`http://test/api/v1/aanleveringen/${nummer}`, {
      headers: { authorization: `Bearer ${token}`, accept },
    }),
    {
      params: Promise.resolve({ nummer }),
    },
  );

async function provider(opts: { signed?: boolean; agbCode?: string } = {}) {
  const aanbieder = opts.agbCode
    ? ((await db().organisation.findUnique({ where: { agbCode: opts.agbCode } })) ??
      (await db().organisation.create({ data: { kind: 'AANBIEDER', name: 'Corpus', agbCode: opts.agbCode } })))
    : await makeAanbieder();
  if (opts.signed !== false)
    await db().processingAgreement.create({
      data: { aanbiederId: aanbieder.id, version: '2026.1', status: 'ONDERTEKEND', signedAt: new Date() },
    });
  const scope = await scopeOf((await makeUser('AANBIEDER_UPLOAD', aanbieder.id)).id);
  const token = async () => (await issueApiToken(scope, { name: 'Bronsysteem' }, null)).token;
  return { aanbieder, scope: expectScope(scope, 'aanbieder'), token };
}

describe('delivering through the API', () => {
  it('answers 202 with the receipt, the same file again 200 with the earlier one, and reports per row', async () => {
    const p = await provider();
    const token = await p.token();
    const bytes = Buffer.from(toCsv(exampleRecords(p.aanbieder.agbCode!)));
    const res = await post(token, 'soort=test&bestandsnaam=jan.csv', bytes);
    expect(res.status).toBe(202);
    const receipt = await res.json();
    expect(receipt).toMatchObject({
      kind: 'TEST',
      fileName: 'jan.csv',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      duplicate: false,
    });
    expect(res.headers.get('location')).toBe(`/api/v1/aanleveringen/${receipt.id}`);
    const stored = await db().upload.findUniqueOrThrow({ where: { id: receipt.id } });
    expect(readFileSync(stored.storagePath!).includes(Buffer.from('CL-7f3a91c2'))).toBe(false); // encrypted at rest
    const again = await post(token, 'soort=test&bestandsnaam=jan-opnieuw.csv', bytes);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: receipt.id, duplicate: true });

    expect(await (await get(token, receipt.id)).json()).toMatchObject({ status: 'ONTVANGEN', rowCount: null });
    await processUpload(receipt.id);
    expect(await (await get(token, receipt.id)).json()).toMatchObject({
      status: 'VERWERKT',
      rowCount: exampleRecords().length,
      acceptedCount: exampleRecords().length,
      rejectedCount: 0,
      writtenCount: null, // a test file writes nothing
      errors: [],
    });
    const audit = await db().auditLog.findFirstOrThrow({
      where: { object: { contains: receipt.id }, event: 'upload.ontvangen' },
    });
    expect(audit.userEmail).toMatch(/^api-token:gp_/);
  });

  it('answers every file of the malformed corpus as the browser path does, with its row report as JSON and CSV', async () => {
    const dir = path.join(process.cwd(), 'tests', 'fixtures', 'malformed');
    const { agbCode, files } = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as {
      agbCode: string;
      files: Record<string, { fileError: string } | { line: number; field: string; code: string }>;
    };
    const p = await provider({ agbCode, signed: false });
    const names = readdirSync(dir).filter((f) => f !== 'expected.json');
    expect(names.length).toBe(Object.keys(files).length);
    for (const name of names) {
      const expected = files[name];
      // The corpus is larger than a provider's hourly limit: its count starts afresh for each file.
      await db().rateLimitEvent.deleteMany({ where: { bucket: RATE_LIMITS.aanleveringPerAanbieder.bucket } });
      const token = await p.token();
      const res = await post(
        token,
        `soort=test&bestandsnaam=${encodeURIComponent(name)}`,
        readFileSync(path.join(dir, name)),
      );
      if (res.status === 400) {
        // Refused before a receipt (an empty file): the answer says why.
        expect('fileError' in expected, name).toBe(true);
        expect((await res.json()).fout.toLowerCase(), name).toContain((expected as { fileError: string }).fileError);
        continue;
      }
      expect([200, 202], name).toContain(res.status);
      const { id } = await res.json();
      await processUpload(id);
      const report = await (await get(token, id)).json();
      if ('fileError' in expected) {
        expect(report.status, name).toBe('AFGEWEZEN');
        expect(report.fileError, name).toContain(expected.fileError);
      } else {
        expect(report.errors, name).toContainEqual(
          expect.objectContaining({ line: expected.line, field: expected.field, code: expected.code }),
        );
        const csv = await (await get(token, id, 'text/csv')).text();
        expect(csv.split('\r\n')[0], name).toBe('regel;veld;waarde;code;melding'); // text() drops the BOM
        expect(csv, name).toContain(`${expected.line};${expected.field};`);
      }
    }
  }, 180_000);

  it('gives the same figures as the browser path for the same file', async () => {
    const viaBrowser = await provider();
    const viaApi = await provider();
    // The same records for both (each file carries its own provider's AGB code, as it must).
    const file = (agb: string) => Buffer.from(toCsv(exampleRecords(agb)));
    const browserReceipt = await deliverFile(
      viaBrowser.scope,
      new Request('http://test/api/uploads', { method: 'POST', body: file(viaBrowser.aanbieder.agbCode!) }),
      { kind: 'PRODUCTIE', domein: 'JEUGD', fileName: 'mrt.csv', address: null },
    );
    const apiRes = await post(
      await viaApi.token(),
      'soort=productie&bestandsnaam=mrt.csv',
      file(viaApi.aanbieder.agbCode!),
    );
    expect(apiRes.status).toBe(202);
    const apiReceipt = await apiRes.json();
    await processUpload(browserReceipt.id);
    await processUpload(apiReceipt.id);
    const [a, b] = await Promise.all(
      [browserReceipt.id, apiReceipt.id].map((id) => db().upload.findUniqueOrThrow({ where: { id } })),
    );
    expect([a.status, a.rowCount, a.acceptedCount, a.report]).toEqual([
      b.status,
      b.rowCount,
      b.acceptedCount,
      b.report,
    ]);
    const figures = async (scope: Scope) =>
      Promise.all(
        INDICATORS.map(async (ind) => {
          const v = await getIndicatorView(
            scope,
            ind,
            parseViewParams(scope, new URLSearchParams('eind_van=2025-01&eind_tm=2026-12'), new Date('2026-11-29')),
          );
          return [ind.key, v.total.populatie, v.total.headline, v.total.categories];
        }),
      );
    const browserFigures = await figures(viaBrowser.scope);
    expect(browserFigures.some(([, populatie]) => (populatie as { n: number }).n > 0)).toBe(true);
    expect(await figures(viaApi.scope)).toEqual(browserFigures);
  });
});

describe('delivery tokens, attacked', () => {
  it('opens only its own kind of endpoint, only its own deliveries, and stops when revoked', async () => {
    const p = await provider();
    const other = await provider();
    const token = await p.token();
    const gemeente = await makeGemeente();
    const gemeenteToken = (
      await issueApiToken(await scopeOf((await makeUser('GEMEENTE', gemeente.id)).id), { name: 'BI' }, null)
    ).token;
    const file = Buffer.from(toCsv(exampleRecords(p.aanbieder.agbCode!)));
    // A municipality's token cannot deliver; a provider's cannot read figures.
    expect((await post(gemeenteToken, 'soort=test', file)).status).toBe(401);
    const figures = await indicator(
      new Request('http://test/api/v1/indicatoren/uitval', { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ indicator: 'uitval' }) },
    );
    expect(figures.status).toBe(401);
    expect((await post(null, 'soort=test', file)).status).toBe(401);
    // Another provider's delivery is "not found", by number.
    const { id } = await (await post(token, 'soort=test', file)).json();
    expect((await get(await other.token(), id)).status).toBe(404);
    expect((await get(token, id)).status).toBe(200);
    // Bad input: a Dutch answer, nothing stored.
    const bad = await post(token, 'soort=later', Buffer.from('x'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).fout).toContain('soort=test');
    // Revoked: refused at the next call.
    const [record] = await db().apiToken.findMany({
      where: { organisationId: p.aanbieder.id },
      orderBy: { createdAt: 'desc' },
      take: 1,
    });
    const ttp = await scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id);
    expect(await revokeApiToken(ttp, record.id, null)).toBe(true);
    expect((await post(token, 'soort=test', Buffer.from(`${file}\n`))).status).toBe(401);
  });

  it('refuses production without an agreement, and more than its hourly limit', async () => {
    const unsigned = await provider({ signed: false });
    const res = await post(
      await unsigned.token(),
      'soort=productie',
      Buffer.from(toCsv(exampleRecords(unsigned.aanbieder.agbCode!))),
    );
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'GEEN_OVEREENKOMST' });
    expect(await db().upload.count({ where: { aanbiederId: unsigned.aanbieder.id } })).toBe(0);

    // the limit is the provider's: a second token of the same provider does not start afresh
    const p = await provider();
    const [first, second] = [await p.token(), await p.token()];
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await post(i < 20 ? first : second, 'soort=test', Buffer.from(`bestand ${i}`))).status);
    expect(statuses.slice(0, 30).every((s) => s === 202)).toBe(true);
    expect(statuses[30]).toBe(429);
    // another provider's deliveries are its own
    const other = await provider();
    expect((await post(await other.token(), 'soort=test', Buffer.from('bestand'))).status).toBe(202);
    await db().upload.deleteMany({ where: { aanbiederId: other.aanbieder.id } });
    // thirty test files nobody will look at: out of the way of other tests' job runs
    await db().upload.deleteMany({ where: { aanbiederId: p.aanbieder.id } });
  });

  it('refuses a file over the size limit before storing anything, whatever its declared length', async () => {
    const p = await provider();
    const token = await p.token();
    const before = storedUploadFiles();
    const tooBig = Buffer.alloc(1024 * 1024 + 1, 'a');
    const res = await post(token, 'soort=test&bestandsnaam=groot.csv', tooBig);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'TE_GROOT', fout: 'Het bestand is groter dan 1 MB.' });
    // a body streamed without a length is counted as it arrives
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 17; i++) c.enqueue(new Uint8Array(64 * 1024));
        c.close();
      },
    });
    const streamed = await deliver(
      new Request('http://test/api/v1/aanleveringen?soort=test', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: stream,
        duplex: 'half',
      } as RequestInit),
      { params: Promise.resolve({}) },
    );
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ code: 'TE_GROOT' });
    expect(await db().upload.count({ where: { aanbiederId: p.aanbieder.id } })).toBe(0);
    // the part written before the limit was crossed is gone too
    expect(storedUploadFiles()).toEqual(before);
  });

  it('a provider’s read-only role, a TTP admin and a token cannot issue delivery tokens', async () => {
    const p = await provider();
    const inzage = await scopeOf((await makeUser('AANBIEDER_INZAGE', p.aanbieder.id)).id);
    await expect(issueApiToken(inzage, { name: 'x' }, null)).rejects.toMatchObject({ status: 403 });
    const ttp = await scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id);
    await expect(issueApiToken(ttp, { name: 'x' }, null)).rejects.toMatchObject({ status: 403 });
  });
});

describe('the API description', () => {
  it('lists every endpoint and indicator, from the registries the routes use', async () => {
    const doc = await (
      await openapi(new Request('http://test/api/v1/openapi.json'), { params: Promise.resolve({}) })
    ).json();
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/api/v1/aanleveringen', '/api/v1/aanleveringen/{nummer}', '/api/v1/indicatoren/{indicator}'].sort(),
    );
    const indicatorParam = doc.paths['/api/v1/indicatoren/{indicator}'].get.parameters.find(
      (p: { name: string }) => p.name === 'indicator',
    );
    expect(indicatorParam.schema.enum).toEqual(INDICATORS.map((i) => i.key));
    expect(doc.paths['/api/v1/aanleveringen'].post.responses['202']).toBeDefined();
  });
});
