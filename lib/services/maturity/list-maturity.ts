import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { withScope } from '@/lib/access/with-scope';
import { db, Prisma } from '@/lib/db';
import { env } from '@/lib/env';
import type { Domein } from '@/lib/generated/prisma/enums';
import { respons } from '@/lib/indicators/respons';
import { currentAgreementWhere } from '@/lib/uploads/has-current-agreement';
import { type MaturityLevel, maturityLevel } from './maturity-level';

export type MaturityRow = {
  id: string;
  /** A provider of Jeugd and Wmo has a row (and a level) per domain: respons differs per domain. */
  domein: Domein;
  name: string;
  agbCode: string | null;
  agreementStatus: string | null;
  level: MaturityLevel;
  respons: number | null;
  lastUpload: Date | null;
  /** Trajectories ended in the last twelve months: the base of the respons. */
  ended: number;
};

/**
 * Every active provider with its maturity level, per domain it delivers (Jeugd when it delivers
 * nothing yet). The respons is one share per provider and domain over the trajectories ended in the
 * last twelve months, computed in system scope: the TTP sees the level and that share, never a
 * client-level row or a figure of an indicator.
 */
export async function listMaturity(scope: TtpScope, asOf = new Date()): Promise<MaturityRow[]> {
  checkCaller(scope, 'beheer:start', 'ttp');
  return maturityRows({}, asOf);
}

/**
 * One provider's levels (one per domain), for its spiegelrapportage (the caller has checked that the
 * scope may see the report). With `gemeenteCodes` the respons rests only on those municipalities'
 * residents: what a municipality's shareable report may state.
 */
export async function maturityOf(
  aanbiederId: string,
  asOf = new Date(),
  gemeenteCodes?: readonly string[],
): Promise<MaturityRow[]> {
  return maturityRows({ id: aanbiederId }, asOf, gemeenteCodes);
}

async function maturityRows(
  where: { id?: string },
  asOf: Date,
  gemeenteCodes?: readonly string[],
): Promise<MaturityRow[]> {
  const since = new Date(asOf.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  const [providers, shares] = await Promise.all([
    db().organisation.findMany({
      where: { kind: 'AANBIEDER', active: true, ...where },
      orderBy: { name: 'asc' },
      select: {
        id: true,
        name: true,
        agbCode: true,
        agreements: { orderBy: { createdAt: 'desc' }, take: 1, select: { status: true } },
        _count: {
          select: {
            agreements: { where: currentAgreementWhere(asOf) },
            uploads: {
              where: { kind: 'TEST', status: { in: ['VERWERKT', 'VERWERKT_MET_FOUTEN'] }, acceptedCount: { gt: 0 } },
            },
          },
        },
        uploads: { orderBy: { receivedAt: 'desc' }, take: 1, select: { receivedAt: true } },
      },
    }),
    withScope(
      'system',
      (tx) =>
        tx.$queryRaw<{ aanbieder_id: string; domein: Domein; ended: bigint; met: bigint }[]>`
        SELECT t.aanbieder_id, t.domein::text AS domein,
               count(DISTINCT t.traject_id) FILTER (WHERE t.einddatum >= ${since}::date) AS ended,
               count(DISTINCT t.traject_id) FILTER (WHERE t.einddatum >= ${since}::date AND ${respons.category()} = 'met') AS met
        FROM trajectory t
        WHERE ${where.id ? Prisma.sql`t.aanbieder_id = ${where.id}::uuid` : Prisma.sql`TRUE`}
          AND ${gemeenteCodes ? Prisma.sql`t.gemeentecode = ANY(${[...gemeenteCodes]}::bpchar[])` : Prisma.sql`TRUE`}
        GROUP BY t.aanbieder_id, t.domein ORDER BY t.domein`,
    ),
  ]);
  const { VOLWASSENHEID_RESPONS_5: level5, VOLWASSENHEID_RESPONS_6: level6 } = env();
  return providers.flatMap((p) => {
    const own = shares.filter((s) => s.aanbieder_id === p.id);
    return (own.length ? own : [undefined]).map((share) => row(p, share));
  });

  function row(p: (typeof providers)[number], share: (typeof shares)[number] | undefined): MaturityRow {
    const r =
      share && Number(share.ended) > 0 ? Math.round((1000 * Number(share.met)) / Number(share.ended)) / 10 : null;
    return {
      id: p.id,
      domein: share?.domein ?? 'JEUGD',
      name: p.name,
      agbCode: p.agbCode,
      agreementStatus: p.agreements[0]?.status ?? null,
      respons: r,
      lastUpload: p.uploads[0]?.receivedAt ?? null,
      ended: Number(share?.ended ?? 0),
      level: maturityLevel(
        {
          currentAgreement: p._count.agreements > 0,
          testAccepted: p._count.uploads > 0,
          productionData: share !== undefined,
          respons: r,
        },
        { level5, level6 },
      ),
    };
  }
}
