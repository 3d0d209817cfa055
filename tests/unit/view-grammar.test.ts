import { describe, expect, it } from 'vitest';
import type { FilterState } from '@/lib/filters/registry';
import type { GroupBy } from '@/lib/indicators/group-by';
import { protectedView, TREND_MAX_YEARS } from '@/lib/indicators/view-grammar';

const AS_OF = new Date('2026-12-08T10:00:00Z');
const view = (f: FilterState, groupBy: GroupBy = 'aanbieder', lag = 0) => protectedView(f, groupBy, AS_OF, lag);

describe('the query grammar of protected views', () => {
  it('keeps a calendar quarter and year as they are, without a note', () => {
    for (const [van, tm] of [
      ['2026-04', '2026-06'],
      ['2025-01', '2025-12'],
    ]) {
      const v = view({ eind_van: van, eind_tm: tm });
      expect(v.filters).toEqual({ eind_van: van, eind_tm: tm });
      expect(v.notes).toEqual([]);
    }
  });

  it('turns every other period into the calendar year its end lies in: no period slides by a month or a quarter', () => {
    for (const [van, tm] of [
      ['2025-10', '2026-09'], // a rolling year
      ['2026-06', '2026-08'], // a month-shifted quarter, two quarters once widened
      ['2026-07', '2026-12'], // a half-year: a quarter would be it minus the other quarter
      ['2026-04', '2026-09'], // two quarters that are not a half-year
      ['2026-03', '2026-08'], // widened, three quarters
      ['2026-01', '2026-09'], // three quarters
    ]) {
      const v = view({ eind_van: van, eind_tm: tm });
      expect(v.filters.eind_van).toBe('2026-01');
      expect(v.filters.eind_tm).toBe('2026-12');
      expect(v.notes.join(' ')).toMatch(/kwartaal of kalenderjaar/);
    }
  });

  it('widens a single month to its quarter', () => {
    const v = view({ eind_van: '2026-05', eind_tm: '2026-05' });
    expect(v.filters).toEqual({ eind_van: '2026-04', eind_tm: '2026-06' });
    expect(v.notes).toEqual(['De periode is verruimd tot hele kwartalen.']);
  });

  it('defaults to the calendar year of the last whole month, moved back for figures that settle later', () => {
    expect(view({}).filters).toEqual({ eind_van: '2026-01', eind_tm: '2026-12' });
    expect(view({}, 'totaal', 12).filters).toEqual({ eind_van: '2025-01', eind_tm: '2025-12' });
    // in January the last whole month is December: the year before
    expect(protectedView({}, 'totaal', new Date('2027-01-05T10:00:00Z')).filters.eind_tm).toBe('2026-12');
  });

  it('lets a trend span whole calendar years, at most three', () => {
    expect(view({ eind_van: '2025-04', eind_tm: '2026-09' }, 'kwartaal').filters).toEqual({
      eind_van: '2025-01',
      eind_tm: '2026-12',
    });
    const long = view({ eind_van: '2020-01', eind_tm: '2026-06' }, 'maand').filters;
    expect(long).toEqual({ eind_van: `${2026 - TREND_MAX_YEARS + 1}-01`, eind_tm: '2026-12' });
    // per year: whole years, never "2025" for December alone
    expect(view({ eind_van: '2025-12', eind_tm: '2026-11' }, 'jaar').filters).toEqual({
      eind_van: '2025-01',
      eind_tm: '2026-12',
    });
  });

  it('allows one value or all per code filter: a set of values is no filter at all', () => {
    const v = view({
      eind_van: '2026-01',
      eind_tm: '2026-12',
      gemeente: ['0855', '0785'],
      aanbieder: ['98100001'],
      verwijzer: ['01', '02'],
    });
    expect(v.filters.gemeente).toBeUndefined();
    expect(v.filters.verwijzer).toBeUndefined();
    expect(v.filters.aanbieder).toEqual(['98100001']);
    expect(v.notes).toHaveLength(2);
  });

  it('takes the start date as one calendar year', () => {
    const v = view({ eind_van: '2026-01', eind_tm: '2026-12', begin_van: '2024-04', begin_tm: '2025-06' });
    expect(v.filters.begin_van).toBe('2024-01');
    expect(v.filters.begin_tm).toBe('2024-12');
  });

  it('gives a view that fits back unchanged: the grammar is idempotent', () => {
    const inputs: FilterState[] = [
      {},
      { eind_van: '2025-10', eind_tm: '2026-09', verwijzer: ['01', '02'], begin_tm: '2025-03' },
      { eind_van: '2026-05', eind_tm: '2026-05', hulpvorm: ['03'] },
    ];
    for (const groupBy of ['totaal', 'aanbieder', 'kwartaal', 'maand', 'jaar'] as GroupBy[])
      for (const f of inputs) {
        const once = view(f, groupBy);
        const twice = view(once.filters, groupBy);
        expect(twice.filters).toEqual(once.filters);
        expect(twice.notes).toEqual([]);
      }
  });
});
