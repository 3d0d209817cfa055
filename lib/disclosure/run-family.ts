import { type Answer, observationsOf, type Truth } from './attack-families';
import { type AttackSummary, averagingAttack, type Observation, summarise } from './averaging-attack';

export type FamilyRun = AttackSummary & {
  /** Distinct views the portal answered with (what a budget counts), against the queries asked. */
  views: number;
  queries: number;
  /** Cells of 0–6 clients that were shown as a number: always 0 when the markers hold. */
  shownSmall: number;
  /** Distinct requests the query grammar had to change (the detector's rule grammatica counts them). */
  adjusted: number;
};

/**
 * One family of the averaging attack: every query answered, every answer turned into boxes, and the
 * estimator run over all of them together.
 */
export async function runFamily(
  queries: string[],
  answer: (query: string) => Promise<{ answer: Answer; truth: Truth }>,
  domain: Parameters<typeof observationsOf>[2],
  providerId: (agb: string) => string,
): Promise<FamilyRun> {
  const observations: Observation[] = [];
  const views = new Set<string>();
  const adjusted = new Set<string>();
  for (const q of queries) {
    const { answer: a, truth } = await answer(q);
    views.add(JSON.stringify([a.filters, q.includes('groep=aanbieder')]));
    if (a.aanpassingen?.length) adjusted.add(q);
    observations.push(...observationsOf(a, truth, domain, providerId));
  }
  const distinct = new Map(observations.map((o) => [JSON.stringify(o.box), o]));
  const small = [...distinct.values()].filter((o) => o.truth.n < 7);
  return {
    ...summarise(averagingAttack(observations), small.filter((o) => o.shown === null).length),
    views: views.size,
    queries: queries.length,
    shownSmall: small.filter((o) => o.shown !== null).length,
    adjusted: adjusted.size,
  };
}
