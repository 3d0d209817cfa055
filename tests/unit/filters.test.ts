import { describe, expect, it } from 'vitest';
import { parseFilters, toSearchParams, withDefaultPeriod } from '@/lib/filters/parse-filters';
import { FILTER_KEYS } from '@/lib/filters/registry';
import { parseGroupBy } from '@/lib/indicators/group-by';

const gemeente = { scopeKind: 'gemeente', gemeenteCodes: ['0855', '0798'] } as const;

describe('filters from the URL', () => {
  it('declares the 14 filters of the dashboards, plus aanbieder for municipalities', () => {
    expect(FILTER_KEYS).toHaveLength(15);
    expect(FILTER_KEYS).toContain('aanbieder');
  });

  it('keeps valid values and ignores bad ones instead of failing', () => {
    const f = parseFilters(
      new URLSearchParams(
        'verwijzer=02&verwijzer=99&verwijzer=02&verwijzer=01&eind_van=2025-13&eind_tm=2026-03&profiel=x&hulpvorm=11&respondent=%27;drop',
      ),
      gemeente,
    );
    expect(f).toEqual({ verwijzer: ['01', '02'], eind_tm: '2026-03', hulpvorm: ['11'] });
  });

  it('drops municipalities outside the scope, and the provider filter for providers', () => {
    expect(parseFilters({ gemeente: ['0855', '0363'] }, gemeente)).toEqual({ gemeente: ['0855'] });
    expect(parseFilters({ aanbieder: '98100001', gemeente: '0363' }, { scopeKind: 'aanbieder' })).toEqual({
      gemeente: ['0363'],
    });
  });

  it('ignores a period whose start lies after its end', () => {
    expect(parseFilters({ eind_van: '2026-05', eind_tm: '2026-01' }, gemeente)).toEqual({});
  });

  it('round-trips through the URL in a stable order', () => {
    const f = parseFilters(new URLSearchParams('respondent=2&eind_tm=2026-06&eind_van=2026-01'), gemeente);
    expect(toSearchParams(f).toString()).toBe('eind_van=2026-01&eind_tm=2026-06&respondent=2');
  });

  it('defaults to the last twelve whole months, moved back for indicators that need time to settle', () => {
    const asOf = new Date('2026-11-23T10:00:00Z');
    expect(withDefaultPeriod({}, asOf)).toEqual({ eind_van: '2025-11', eind_tm: '2026-10' });
    expect(withDefaultPeriod({}, asOf, 12)).toEqual({ eind_van: '2024-11', eind_tm: '2025-10' });
    expect(withDefaultPeriod({ eind_van: '2026-02', eind_tm: '2026-04' }, asOf)).toEqual({
      eind_van: '2026-02',
      eind_tm: '2026-04',
    });
  });

  it('falls back to one total row for an unknown grouping', () => {
    expect(parseGroupBy('aanbieder')).toBe('aanbieder');
    expect(parseGroupBy('aanbieder_id; DROP')).toBe('totaal');
  });
});
