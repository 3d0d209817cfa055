import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/indicatoren/[indicator]/route';
import { can } from '@/lib/access/permissions';
import { expectScope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import { indicatorRows } from '@/lib/exports/indicator-rows';
import { PERTURBATION_NOTE } from '@/lib/indicators/disclosure-control';
import { findIndicator } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { authenticateApiToken } from '@/lib/services/api-tokens/authenticate-api-token';
import { issueApiToken } from '@/lib/services/api-tokens/issue-api-token';
import { listApiTokens } from '@/lib/services/api-tokens/list-api-tokens';
import { revokeApiToken } from '@/lib/services/api-tokens/revoke-api-token';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';
import { loadRecords, makeAanbieder, makeGemeente, makeTtp, makeUser, scopeOf, shownClients } from './helpers/fixtures';

// The read-only API through its route handler, and the export rows, attacked like the pages.
const call = (indicator: string, query: string, token?: string) =>
  GET(
    new Request(`http://test/api/v1/indicatoren/${indicator}?${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
    {
      params: Promise.resolve({ indicator }),
    },
  );

async function setup() {
  const [mine, theirs] = [await makeGemeente(), await makeGemeente()];
  const a = await makeAanbieder();
  const t = Math.random().toString(36).slice(2, 8);
  await loadRecords(a, [
    ...Array.from({ length: 20 }, (_, i) => ({
      client: `${t}-m${i}`,
      gemeentecode: mine.cbsCode!,
      einddatum: '2026-05-01',
    })),
    ...Array.from({ length: 3 }, (_, i) => ({
      client: `${t}-u${i}`,
      gemeentecode: mine.cbsCode!,
      einddatum: '2026-05-01',
      redenEinde: '03',
    })),
    ...Array.from({ length: 40 }, (_, i) => ({
      client: `${t}-t${i}`,
      gemeentecode: theirs.cbsCode!,
      einddatum: '2026-05-01',
      redenEinde: '03',
    })),
  ]);
  const ttp = expectScope(await scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id), 'ttp');
  const manager = await scopeOf((await makeUser('GEMEENTE', mine.id)).id);
  const { token, record } = await issueApiToken(manager, { name: 'BI' }, null);
  // The 23 residents of `mine`: 20 without uitval, 3 with.
  const residents = [
    ...Array.from({ length: 20 }, (_, i) => `${t}-m${i}`),
    ...Array.from({ length: 3 }, (_, i) => `${t}-u${i}`),
  ];
  return { mine, theirs, a, ttp, manager, token, record, residents };
}

describe('indicator API', () => {
  it("answers with the protected figures of the token's municipality, whatever the URL asks", async () => {
    const { theirs, a, token, record, residents } = await setup();
    expect(record.lastUsedAt).toBeNull();
    const res = await call(
      'uitval',
      `eind_van=2026-04&eind_tm=2026-06&gemeente=${theirs.cbsCode}&groep=gemeente`,
      token,
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.filters.gemeente).toBeUndefined();
    expect(body.rijen).toHaveLength(1);
    // 23 residents, perturbed by the offset their record keys pick: the same number through every route.
    expect(body.totaal.populatie.n).toBe(shownClients(residents));
    expect(body.totaal.kerncijfer).toEqual({ n: null, percentage: null, suppressed: true }); // 3 clients
    expect(body.verstoring).toMatchObject({ maximaleAfwijking: 3 });
    const viaProvider = await (
      await call('uitval', `eind_van=2026-04&eind_tm=2026-06&aanbieder=${a.agbCode}`, token)
    ).json();
    expect(viaProvider.totaal.populatie.n).toBe(shownClients(residents));
    // The list of tokens shows when each was last used.
    const used = await db().apiToken.findUniqueOrThrow({ where: { id: record.id } });
    expect(Date.now() - used.lastUsedAt!.getTime()).toBeLessThan(60_000);
  });

  it('refuses a missing, malformed, unknown or revoked token, and logs each call', async () => {
    const { token, ttp, record } = await setup();
    expect((await call('uitval', '')).status).toBe(401);
    expect((await call('uitval', '', `gp_${'x'.repeat(43)}`)).status).toBe(401);
    expect((await call('uitval', '', token.slice(0, -1))).status).toBe(401);
    expect((await call('onbekend', '', token)).status).toBe(404);
    await revokeApiToken(ttp, record.id, null);
    expect((await call('uitval', '', token)).status).toBe(401);
    const logged = await db().auditLog.findMany({
      where: { event: 'api:indicator', userEmail: `api-token:${token.slice(0, 8)}` },
    });
    expect(logged.length).toBeGreaterThanOrEqual(1);
    expect(logged[0].object).toContain('api onbekend');
  });
});

describe('API tokens are the organisation’s own', () => {
  it('are issued by a municipality or region for itself, never by the TTP or another token; a provider’s reads no figures', async () => {
    const { a, ttp, token } = await setup();
    // The TTP would read the figures it promises not to see.
    await expect(issueApiToken(ttp, { name: 'BI' }, null)).rejects.toMatchObject({ status: 403 });
    // A provider issues tokens for delivering files only (issue 16): the indicator API refuses them.
    const provider = await scopeOf((await makeUser('AANBIEDER_UPLOAD', a.id)).id);
    const delivery = await issueApiToken(provider, { name: 'Bronsysteem' }, null);
    expect((await call('uitval', '', delivery.token)).status).toBe(401);
    const tokenScope = await authenticateApiToken(`Bearer ${token}`);
    await expect(issueApiToken(tokenScope!, { name: 'nog een' }, null)).rejects.toMatchObject({ status: 403 });
    expect(can('TTP_BEHEER', 'api-token:issue')).toBe(false);
  });

  it('stop working when their organisation is deactivated, and work again when it is back', async () => {
    const { mine, token } = await setup();
    expect((await call('uitval', '', token)).status).toBe(200);
    await db().organisation.update({ where: { id: mine.id }, data: { active: false } });
    expect((await call('uitval', '', token)).status).toBe(401);
    await db().organisation.update({ where: { id: mine.id }, data: { active: true } });
    expect((await call('uitval', '', token)).status).toBe(200);
  });

  it('are seen and revoked by their own organisation and the TTP, not by another municipality', async () => {
    const { theirs, ttp, manager, token, record } = await setup();
    const other = await scopeOf((await makeUser('GEMEENTE', theirs.id)).id);
    expect((await listApiTokens(other)).map((t) => t.id)).not.toContain(record.id);
    expect(await revokeApiToken(other, record.id, null)).toBe(false);
    expect((await call('uitval', '', token)).status).toBe(200); // still works
    expect((await listApiTokens(manager)).map((t) => t.id)).toContain(record.id);
    expect((await listApiTokens(ttp)).map((t) => t.id)).toContain(record.id);
    expect(await revokeApiToken(manager, record.id, null)).toBe(true);
    expect((await call('uitval', '', token)).status).toBe(401);
    expect(
      await db().auditLog.count({ where: { event: 'api-token.ingetrokken', object: `api-token ${record.id}` } }),
    ).toBe(1);
  });
});

describe('export rows', () => {
  it('carry the same protection as the page, and never a count from 1 to 6', async () => {
    const { mine } = await setup();
    const scope = await scopeOf((await makeUser('GEMEENTE', mine.id)).id);
    const view = await getIndicatorView(
      scope,
      findIndicator('uitval')!,
      parseViewParams(scope, new URLSearchParams('eind_van=2026-04&eind_tm=2026-06')),
    );
    const { header, rows } = indicatorRows(view);
    expect(rows[0][0]).toBe('Totaal');
    expect(rows.at(-1)).toEqual([PERTURBATION_NOTE]); // the same explanation as under the table on the page
    const col = header.indexOf('n uitval (03)');
    expect(rows[0][col]).toBe('< 7');
    for (const r of rows) {
      r.forEach((v, i) => {
        if (header[i].startsWith('n ')) expect(typeof v === 'number' && v >= 1 && v <= 6).toBe(false);
      });
    }
  });
});
