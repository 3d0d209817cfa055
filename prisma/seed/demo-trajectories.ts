import type { ValidRecord } from '@/lib/cbs/validate-record';
import { DEMO_AANBIEDERS, DEMO_GEMEENTEN } from './demo-organisations';

// Synthetic trajectories with realistic distributions. Deterministic (seeded PRNG), so every demo
// database tells the same story. Stage-1 client numbers are made up ("DEMO-…"); the seeder loads
// them through the import's own loader, which pseudonymises them.

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;

type Random = ReturnType<typeof randomTools>;

function randomTools(seed: number) {
  const rnd = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
  const weighted = <T>(items: readonly (readonly [T, number])[]) => {
    let r = rnd() * items.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1][0];
  };
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));
  const normal = () => Math.sqrt(-2 * Math.log(rnd() || 1e-9)) * Math.cos(2 * Math.PI * rnd());
  return { rnd, pick, weighted, clamp, normal };
}

/**
 * Wmo support (adults: begeleiding, dagbesteding, huishoudelijke hulp, beschermd wonen), for the
 * providers with a Wmo profile: no CBS hulpvorm and no afname problematiek, an iWmo product category,
 * the client or a representative answering. Its own clients ("DEMO-W-…"), some at two providers.
 */
export function generateDemoWmoTrajectories(count = 6_000, today = new Date(), seed = 20151): ValidRecord[] {
  const { rnd, pick, weighted, clamp, normal }: Random = randomTools(seed);
  const providers = DEMO_AANBIEDERS.flatMap((a) => (a.wmo ? [{ ...a.wmo, agbCode: a.agbCode }] : []));
  const gemeenten = DEMO_GEMEENTEN.map((g) => [g.cbsCode, g.weight] as const);
  const start = today.getTime() - 3 * 365 * DAY;
  const end = today.getTime();
  const clients = Array.from({ length: Math.round(count / 1.4) }, (_, i) => ({
    stage1: `DEMO-W-${String(i + 1).padStart(6, '0')}`,
    gemeentecode: weighted(gemeenten),
    geboortejaar: new Date(start).getUTCFullYear() - clamp(25 + rnd() * 65, 18, 95),
    geslacht: weighted([
      ['M', 44],
      ['V', 55],
      ['O', 1],
    ] as const),
  }));
  const rows: ValidRecord[] = [];
  for (let i = 0; i < count; i++) {
    const client = pick(clients);
    const p = weighted(providers.map((a) => [a, a.share] as const));
    const begindatum = new Date(Math.floor((start + rnd() * (end - start - 30 * DAY)) / DAY) * DAY);
    const endTime = begindatum.getTime() + clamp(60 + Math.abs(normal()) * 240, 30, 900) * DAY;
    const einddatum = endTime < end ? new Date(endTime) : null;
    const redenEinde = einddatum
      ? weighted([
          ['01', 0.72 - p.uitval],
          ['02', 0.12],
          ['03', p.uitval],
          ['04', 0.04],
          ['05', 0.12],
        ] as const)
      : null;
    const measured = einddatum !== null && rnd() < p.respons;
    const mood = redenEinde === '03' ? -2.5 : redenEinde === '01' ? 0.5 : -0.5;
    rows.push({
      agbCode: p.agbCode,
      domein: 'WMO',
      pseudoId: client.stage1,
      trajectId: `W${p.agbCode.slice(-3)}-${String(i + 1).padStart(7, '0')}`,
      respondent: measured ? (rnd() < 0.7 ? '1' : '2') : null,
      geboortejaar: client.geboortejaar,
      geslacht: client.geslacht,
      gemeentecode: client.gemeentecode,
      begindatum,
      einddatum,
      redenEinde,
      verwijzer: rnd() < 0.9 ? '01' : '06',
      hulpvorm: null,
      productcategorie: pick(p.productcategorieen),
      profiel: null,
      zorgvraagzwaarte: null,
      complexiteit: null,
      perspectief: null,
      crisis: null,
      tevredenheid: measured ? clamp(p.tevredenheid + mood + normal() * 1.3, 1, 10) : null,
      zonderHulpVerder: measured && rnd() < 0.85 ? clamp(2.7 + mood / 2 + normal() * 0.8, 1, 4) : null,
      afnameProblematiek: null,
      doelrealisatie: measured && rnd() < 0.9 ? clamp(1.3 + mood / 2 + normal() * 0.8, -1, 2) : null,
      meetdatum: measured && einddatum ? new Date(einddatum.getTime() - Math.floor(rnd() * 15) * DAY) : null,
    });
  }
  return rows;
}

export function generateDemoTrajectories(count = 20_000, today = new Date(), seed = 20181): ValidRecord[] {
  const { rnd, pick, weighted, clamp, normal }: Random = randomTools(seed);
  const providers = DEMO_AANBIEDERS.filter((a) => a.share > 0);
  const gemeenten = DEMO_GEMEENTEN.map((g) => [g.cbsCode, g.weight] as const);
  const start = today.getTime() - 3 * 365 * DAY;
  const end = today.getTime();
  // ~1.5 trajectories per client: some clients return, at the same or another provider.
  const clients = Array.from({ length: Math.round(count / 1.5) }, (_, i) => ({
    stage1: `DEMO-${String(i + 1).padStart(6, '0')}`,
    gemeentecode: weighted(gemeenten),
    geboortejaar: new Date(start).getUTCFullYear() - clamp(rnd() * 17, 0, 17) + 1,
    geslacht: weighted([
      ['M', 52],
      ['V', 47],
      ['O', 1],
    ] as const),
  }));

  const rows: ValidRecord[] = [];
  for (let i = 0; i < count; i++) {
    const client = pick(clients);
    const p = weighted(providers.map((a) => [a, a.share] as const));
    const begindatum = new Date(Math.floor((start + rnd() * (end - start - 30 * DAY)) / DAY) * DAY);
    const durationDays = clamp(30 + Math.abs(normal()) * 180, 14, 720);
    const endTime = begindatum.getTime() + durationDays * DAY;
    const einddatum = endTime < end ? new Date(endTime) : null;
    const redenEinde = einddatum
      ? weighted([
          ['01', 0.7 - p.uitval],
          ['02', 0.14],
          ['03', p.uitval],
          ['04', 0.05],
          ['05', 0.11],
        ] as const)
      : null;
    const verwijzer = weighted([
      ['01', 45],
      ['02', 25],
      ['03', 6],
      ['04', 8],
      ['05', 7],
      ['06', 8],
      ['08', 1],
    ] as const);
    const age = begindatum.getUTCFullYear() - client.geboortejaar;
    const respondents: (string | null)[] =
      einddatum && rnd() < p.respons
        ? age < 12
          ? ['2']
          : age <= 16
            ? rnd() < 0.5
              ? ['1', '2']
              : ['2']
            : ['1']
        : [null];
    const base = {
      agbCode: p.agbCode,
      domein: 'JEUGD' as const,
      pseudoId: client.stage1,
      trajectId: `T${p.agbCode.slice(-3)}-${String(i + 1).padStart(7, '0')}`,
      geboortejaar: client.geboortejaar,
      geslacht: client.geslacht,
      gemeentecode: client.gemeentecode,
      begindatum,
      einddatum,
      redenEinde,
      verwijzer,
      hulpvorm: pick(p.hulpvormen),
      productcategorie: p.productcategorie,
      profiel: clamp(1 + rnd() * 9, 1, 10),
      zorgvraagzwaarte: weighted([
        [1, 40],
        [2, 40],
        [3, 20],
      ] as const),
      complexiteit: weighted([
        [1, 65],
        [2, 35],
      ] as const),
      perspectief: begindatum.getUTCFullYear() < 2019 ? pick(['01', '02', '03', '04']) : null,
      crisis: rnd() < 0.04,
    };
    for (const respondent of respondents) {
      const measured = respondent !== null;
      // Unilateral endings by the client go with lower satisfaction and worse outcomes.
      const mood = redenEinde === '03' ? -2.5 : redenEinde === '01' ? 0.5 : -0.5;
      rows.push({
        ...base,
        respondent,
        tevredenheid: measured ? clamp(p.tevredenheid + mood + normal() * 1.4, 1, 10) : null,
        zonderHulpVerder: measured && rnd() < 0.9 ? clamp(2.9 + mood / 2 + normal() * 0.8, 1, 4) : null,
        afnameProblematiek:
          measured && verwijzer !== '06' && rnd() < 0.85 ? clamp(2.2 - mood / 2 + normal() * 0.9, 1, 5) : null,
        doelrealisatie: measured && rnd() < 0.9 ? clamp(1.2 + mood / 2 + normal() * 0.8, -1, 2) : null,
        meetdatum: measured && einddatum ? new Date(einddatum.getTime() - Math.floor(rnd() * 15) * DAY) : null,
      });
    }
  }
  return rows;
}
