import { describe, expect, it } from 'vitest';
import { indicatorsFor } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { overviewCards } from '@/lib/services/indicators/get-dashboard-overview';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';
import {
  loadRecords,
  makeAanbieder,
  makeGemeente,
  makeRegio,
  makeUser,
  type RecordInput,
  scopeOf,
} from './helpers/fixtures';

// Issue 13: a card's quarter and the indicator page's row for that quarter are one figure. They were
// not: the page cut its first and last quarter to the period (K4 2025 = Nov–Dec only) and labelled
// them as whole quarters. Now a per-quarter view always covers whole quarters, and a quarter that has
// not ended says so.

const AS_OF = new Date('2026-11-23T12:00:00Z');

describe('overview cards and indicator pages', () => {
  it('show the same figure for the same quarter, for every indicator, whatever period the page has', async () => {
    const g = await makeGemeente();
    const rows: RecordInput[] = [];
    // three providers, a client ending every ~9 days from mid-2025 to now, some measured, some dropping out
    for (const [p, a] of (await Promise.all([makeAanbieder(), makeAanbieder(), makeAanbieder()])).entries()) {
      const own: RecordInput[] = [];
      for (let i = 0; i < 55; i++) {
        const end = new Date(Date.UTC(2025, 5, 1) + (i * 9 + p * 3) * 86_400_000);
        if (end > AS_OF) break;
        own.push({
          client: `kp-${p}-${i}`,
          gemeentecode: g.cbsCode!,
          begindatum: '2025-01-02',
          einddatum: end.toISOString().slice(0, 10),
          redenEinde: i % 5 === 0 ? '03' : '01',
          ...(i % 3 === 0
            ? {
                respondent: '2',
                tevredenheid: 4 + (i % 7),
                zonderHulpVerder: 1 + (i % 4),
                doelrealisatie: (i % 4) - 1,
                afnameProblematiek: 1 + (i % 5),
              }
            : {}),
        });
      }
      await loadRecords(a, own);
      rows.push(...own);
    }
    const scope = await scopeOf((await makeUser('GEMEENTE', g.id)).id);
    for (const period of ['', 'eind_van=2025-11&eind_tm=2026-10', 'eind_van=2026-02&eind_tm=2026-08']) {
      const params = parseViewParams(scope, new URLSearchParams(period), AS_OF);
      const cards = await Promise.all(overviewCards(scope, params).map((c) => c.card));
      expect(cards).toHaveLength(indicatorsFor('JEUGD').length);
      let compared = 0;
      for (const card of cards) {
        const page = await getIndicatorView(
          scope,
          indicatorsFor('JEUGD').find((i) => i.key === card.view.indicator.key)!,
          parseViewParams(scope, new URLSearchParams(`${period}&groep=kwartaal`), AS_OF),
        );
        // the page covers whole quarters
        expect(page.filters.eind_van!.slice(5)).toMatch(/^(01|04|07|10)$/);
        expect(page.filters.eind_tm!.slice(5)).toMatch(/^(03|06|09|12)$/);
        for (const row of page.rows) {
          const onCard = card.trend.rows.find((r) => r.key === row.key);
          if (!onCard) continue;
          expect(
            [row.populatie, row.headline],
            `${card.view.indicator.key} ${row.key} (${period || 'standaard'})`,
          ).toEqual([onCard.populatie, onCard.headline]);
          expect(row.label).toBe(onCard.label);
          compared += 1;
        }
      }
      expect(compared).toBeGreaterThan(14);
    }
    // the quarter that runs now says so; an ended one does not
    const labels = (
      await getIndicatorView(
        scope,
        indicatorsFor('JEUGD')[0],
        parseViewParams(scope, new URLSearchParams('groep=kwartaal'), AS_OF),
      )
    ).rows.map((r) => r.label);
    expect(labels).toContain('K4 2026 (loopt nog)');
    expect(labels).toContain('K3 2026');
  });
});

describe('a table per provider or per municipality', () => {
  it('lists its rows by name, as the filters do (the keys are ids and codes)', async () => {
    const [g1, g2] = [await makeGemeente('Zuidbroek'), await makeGemeente('Aa en Hunze')];
    const regio = await makeRegio([g1.id, g2.id]);
    const aanbieders = await Promise.all(
      ['Zorg Zuid', 'Ãrtsen', 'jeugdhulp Noord', 'Ambulant'].map((n) => makeAanbieder(n)),
    );
    for (const [i, a] of aanbieders.entries())
      await loadRecords(
        a,
        Array.from({ length: 12 }, (_, k) => ({
          client: `naam-${i}-${k}`,
          gemeentecode: (k % 2 ? g1 : g2).cbsCode!,
          einddatum: '2026-06-30',
          redenEinde: '01',
        })),
      );
    const scope = await scopeOf((await makeUser('REGIO', regio.id)).id);
    const byName = new Intl.Collator('nl');
    for (const groep of ['aanbieder', 'gemeente']) {
      const params = parseViewParams(
        scope,
        new URLSearchParams(`eind_van=2026-01&eind_tm=2026-12&groep=${groep}`),
        AS_OF,
      );
      const { rows } = await getIndicatorView(scope, indicatorsFor('JEUGD')[0], params);
      const labels = rows.map((r) => r.label);
      expect(labels.length).toBe(groep === 'aanbieder' ? 4 : 2);
      expect(labels).toEqual([...labels].sort(byName.compare));
      expect(labels[0]).toMatch(groep === 'aanbieder' ? /^Ambulant / : /^Aa en Hunze /);
    }
  });
});
