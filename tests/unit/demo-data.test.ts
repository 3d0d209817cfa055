import { describe, expect, it } from 'vitest';
import { PRODUCTCATEGORIE_WMO } from '@/lib/cbs/code-lists';
import { DEMO_AANBIEDERS, DEMO_ACCOUNTS, DEMO_GEMEENTEN } from '@/prisma/seed/demo-organisations';
import { generateDemoTrajectories, generateDemoWmoTrajectories } from '@/prisma/seed/demo-trajectories';

const today = new Date('2026-11-23T00:00:00Z');
const rows = generateDemoTrajectories(20_000, today);

describe('demo data', () => {
  it('is deterministic', () => {
    expect(generateDemoTrajectories(50, today)).toEqual(generateDemoTrajectories(50, today));
  });
  it('has the shape of the file: valid codes, dates in order, reden einde exactly when ended', () => {
    for (const r of rows) {
      if (r.einddatum) {
        expect(r.einddatum.getTime()).toBeGreaterThanOrEqual(r.begindatum.getTime());
        expect(['01', '02', '03', '04', '05']).toContain(r.redenEinde);
      } else expect(r.redenEinde).toBeNull();
      if (r.respondent === null) expect(r.tevredenheid).toBeNull();
      else expect(r.einddatum).not.toBeNull();
      if (r.tevredenheid !== null) expect(r.tevredenheid).toBeGreaterThanOrEqual(1);
      if (r.verwijzer === '06') expect(r.afnameProblematiek).toBeNull();
    }
  });
  it('gives providers different respons, so maturity levels differ', () => {
    const respons = (agb: string) => {
      const ended = rows.filter((r) => r.agbCode === agb && r.einddatum);
      return ended.filter((r) => r.respondent !== null).length / ended.length;
    };
    expect(respons('98100001')).toBeGreaterThan(0.5);
    expect(respons('98100007')).toBeLessThan(0.2);
  });
  it('covers the whole region, with clients at more than one provider', () => {
    expect(new Set(rows.map((r) => r.gemeentecode)).size).toBe(DEMO_GEMEENTEN.length);
    const providersPerClient = new Map<string, Set<string>>();
    for (const r of rows)
      providersPerClient.set(r.pseudoId, (providersPerClient.get(r.pseudoId) ?? new Set()).add(r.agbCode));
    expect([...providersPerClient.values()].filter((s) => s.size > 1).length).toBeGreaterThan(100);
  });
  it('never uses a BSN-like client number, and has one account per role', () => {
    expect(rows.every((r) => !/^\d{9}$/.test(r.pseudoId))).toBe(true);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role))).toEqual(
      new Set(['TTP_BEHEER', 'AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE', 'GEMEENTE', 'REGIO']),
    );
    expect(DEMO_AANBIEDERS).toHaveLength(13);
  });
  it('has Wmo support too: several providers, one of them Wmo only, following the Wmo rules', () => {
    const wmo = generateDemoWmoTrajectories(6_000, today);
    const wmoProviders = new Set(wmo.map((r) => r.agbCode));
    expect(wmoProviders.size).toBeGreaterThanOrEqual(3);
    const jeugdProviders = new Set(rows.map((r) => r.agbCode));
    expect([...wmoProviders].filter((p) => !jeugdProviders.has(p))).toHaveLength(1);
    for (const r of wmo) {
      expect(r.domein).toBe('WMO');
      expect(r.hulpvorm).toBeNull();
      expect(r.afnameProblematiek).toBeNull();
      expect(Object.keys(PRODUCTCATEGORIE_WMO)).toContain(r.productcategorie);
      expect([null, '1', '2']).toContain(r.respondent);
      if (r.respondent === null) expect(r.tevredenheid).toBeNull();
    }
    expect(rows.every((r) => r.domein === 'JEUGD')).toBe(true);
  });
});
