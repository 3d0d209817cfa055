import type { Scope } from '@/lib/access/scope';
import { withScope } from '@/lib/access/with-scope';
import type { FIELD_KEYS, RawRecord } from '@/lib/cbs/layout';
import type { Trajectory } from '@/lib/generated/prisma/client';

// A provider's stored trajectories written back in the delivery format (lib/cbs/layout.ts): the
// return file at the end of an agreement and the answer to an inzage request. The stage-2 pseudonym
// cannot be turned back into the provider's client number (that is the point of it), so the client
// field carries the provider's own trajectory id, which the provider can look up in its own system.

type AanbiederScope = Extract<Scope, { kind: 'aanbieder' }>;

const ymd = (d: Date | null) => (d ? d.toISOString().slice(0, 10).replace(/-/g, '') : '');
const code = (v: string | number | null) => (v === null ? '' : String(v).trim());

export function deliveryRecord(t: Trajectory, agbCode: string): RawRecord {
  return {
    agb_code: agbCode,
    pseudo_id: t.trajectId,
    traject_id: t.trajectId,
    geboortejaar: String(t.geboortejaar),
    geslacht: t.geslacht,
    gemeentecode: t.gemeentecode,
    begindatum: ymd(t.begindatum),
    einddatum: ymd(t.einddatum),
    reden_einde: code(t.redenEinde),
    verwijzer: code(t.verwijzer),
    hulpvorm: code(t.hulpvorm),
    productcategorie: code(t.productcategorie),
    profiel: code(t.profiel),
    zorgvraagzwaarte: code(t.zorgvraagzwaarte),
    complexiteit: code(t.complexiteit),
    perspectief: code(t.perspectief),
    crisis: t.crisis === null ? '' : t.crisis ? 'J' : 'N',
    respondent: code(t.respondent),
    tevredenheid: code(t.tevredenheid),
    zonder_hulp_verder: code(t.zonderHulpVerder),
    afname_problematiek: code(t.afnameProblematiek),
    doelrealisatie: code(t.doelrealisatie),
    meetdatum: ymd(t.meetdatum),
    domein: t.domein === 'WMO' ? 'wmo' : 'jeugd',
  } satisfies Record<(typeof FIELD_KEYS)[number] | 'domein', string>;
}

const PAGE = 5_000;

/**
 * Every stored record of the provider (or only those with the given trajectory ids), in pages by id
 * so a large provider is never held in memory at once. Read under the provider's own scope.
 */
export async function* providerTrajectories(scope: AanbiederScope, trajectIds?: string[]) {
  let after = 0n;
  for (;;) {
    const page = await withScope(scope, (tx) =>
      tx.trajectory.findMany({
        where: {
          aanbiederId: scope.aanbiederId,
          id: { gt: after },
          ...(trajectIds ? { trajectId: { in: trajectIds } } : {}),
        },
        orderBy: { id: 'asc' },
        take: PAGE,
      }),
    );
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1].id;
  }
}
