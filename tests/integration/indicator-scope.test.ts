import { describe, expect, it } from 'vitest';
import type { Scope } from '@/lib/access/scope';
import { findIndicator } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';
import {
  loadRecords,
  makeAanbieder,
  makeGemeente,
  makeRegio,
  makeTtp,
  makeUser,
  type RecordInput,
  scopeOf,
  shownClients,
} from './helpers/fixtures';

// Attacks on the municipal view's scope: other tenants' figures through URL parameters. The attacks on
// the small numbers themselves are in disclosure-attacks.test.ts.
const AS_OF = new Date('2026-11-23T12:00:00Z');
const Q = 'eind_van=2026-01&eind_tm=2026-06';

const view = (scope: Scope, key: string, query: string) =>
  getIndicatorView(scope, findIndicator(key)!, parseViewParams(scope, new URLSearchParams(query), AS_OF));
const times = <T = RecordInput>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
const tag = () => Math.random().toString(36).slice(2, 8);

async function municipality() {
  const g = await makeGemeente();
  return { g, scope: await scopeOf((await makeUser('GEMEENTE', g.id)).id) };
}

describe('scope', () => {
  it('shows a municipality only its residents, whatever gemeente or aanbieder the URL names', async () => {
    const [mine, theirs] = [await municipality(), await municipality()];
    const a = await makeAanbieder();
    const t = tag();
    await loadRecords(a, [
      ...times(10, (i) => ({ client: `${t}-m${i}`, gemeentecode: mine.g.cbsCode! })),
      ...times(30, (i) => ({ client: `${t}-t${i}`, gemeentecode: theirs.g.cbsCode!, redenEinde: '03' })),
    ]);
    const residents = times(10, (i) => `${t}-m${i}`);
    const own = await view(mine.scope, 'uitval', Q);
    expect(own.total.populatie.n).toBe(shownClients(residents)); // the 10, perturbed; not the 30 next door
    const tampered = await view(mine.scope, 'uitval', `${Q}&gemeente=${theirs.g.cbsCode}&groep=gemeente`);
    expect(tampered.filters.gemeente).toBeUndefined();
    expect(tampered.rows.map((r) => r.key)).toEqual([mine.g.cbsCode]);
    expect(tampered.total.headline.suppressed).toBe(true); // none: "< 7", like a few
    const viaProvider = await view(mine.scope, 'uitval', `${Q}&aanbieder=${a.agbCode}`);
    expect(viaProvider.total.populatie.n).toBe(shownClients(residents));
  });

  it('gives a region its member municipalities together, and nothing of others', async () => {
    const [g1, g2, outside] = [await makeGemeente(), await makeGemeente(), await makeGemeente()];
    const regio = await makeRegio([g1.id, g2.id]);
    const scope = await scopeOf((await makeUser('REGIO', regio.id)).id);
    const a = await makeAanbieder();
    const t = tag();
    await loadRecords(a, [
      ...times(8, (i) => ({ client: `${t}-1-${i}`, gemeentecode: g1.cbsCode! })),
      ...times(9, (i) => ({ client: `${t}-2-${i}`, gemeentecode: g2.cbsCode! })),
      ...times(20, (i) => ({ client: `${t}-o-${i}`, gemeentecode: outside.cbsCode! })),
    ]);
    const v = await view(scope, 'uitval', `${Q}&groep=gemeente&gemeente=${outside.cbsCode}`);
    expect(v.total.populatie.n).toBe(
      shownClients([...times(8, (i) => `${t}-1-${i}`), ...times(9, (i) => `${t}-2-${i}`)]),
    );
    expect(v.rows.map((r) => r.key).sort()).toEqual([g1.cbsCode, g2.cbsCode].sort());
  });

  it("never shows a provider another provider's figures", async () => {
    const [p, q] = [await makeAanbieder(), await makeAanbieder()];
    const t = tag();
    await loadRecords(
      q,
      times(12, (i) => ({ client: `${t}-${i}`, redenEinde: '03' })),
    );
    const scope = await scopeOf((await makeUser('AANBIEDER_INZAGE', p.id)).id);
    const v = await view(scope, 'uitval', `${Q}&aanbieder=${q.agbCode}&groep=aanbieder`);
    expect(v.rows).toEqual([]);
    expect(v.total.populatie.n).toBe(0);
  });

  it('refuses the TTP, which sees no figures', async () => {
    const scope = await scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id);
    await expect(
      getIndicatorView(scope, findIndicator('uitval')!, {
        domein: 'JEUGD',
        groupBy: 'totaal',
        filters: {},
        asOf: AS_OF,
      }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
