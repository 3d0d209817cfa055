import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { withScope } from '@/lib/access/with-scope';
import { db, Prisma } from '@/lib/db';
import { env } from '@/lib/env';
import { respons } from '@/lib/indicators/respons';
import { currentAgreementWhere } from '@/lib/uploads/has-current-agreement';
import { type MaturityLevel, maturityLevel } from './maturity-level';

export type MaturityRow = {
  id: string;
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
 * Every active provider with its maturity level. The respons is one share per provider over the
 * trajectories ended in the last twelve months, computed in system scope: the TTP sees the level
 * and that share, never a client-level row or a figure of an indicator.
 */
export async function listMaturity(scope: TtpScope, asOf = new Date()): Promise<MaturityRow[]> {
  checkCaller(scope, 'beheer:start', 'ttp');
  return maturityRows({}, asOf);
}

/** One provider's level, for its spiegelrapportage (the caller has checked that the scope may see the report). */
export async function maturityOf(aanbiederId: string, asOf = new Date()): Promise<MaturityRow | null> {
  return (await maturityRows({ id: aanbiederId }, asOf))[0] ?? null;
}

async function maturityRows(where: { id?: string }, asOf: Date): Promise<MaturityRow[]> {
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
        tx.$queryRaw<{ aanbieder_id: string; ended: bigint; met: bigint }[]>`
        SELECT t.aanbieder_id, count(DISTINCT (t.aanbieder_id, t.traject_id)) FILTER (WHERE t.einddatum >= ${since}::date) AS ended,
               count(DISTINCT (t.aanbieder_id, t.traject_id)) FILTER (WHERE t.einddatum >= ${since}::date AND ${respons.category()} = 'met') AS met
        FROM trajectory t ${where.id ? Prisma.sql`WHERE t.aanbieder_id = ${where.id}::uuid` : Prisma.empty} GROUP BY t.aanbieder_id`,
    ),
  ]);
  const byProvider = new Map(shares.map((s) => [s.aanbieder_id, s]));
  const { VOLWASSENHEID_RESPONS_5: level5, VOLWASSENHEID_RESPONS_6: level6 } = env();
  return providers.map((p) => {
    const share = byProvider.get(p.id);
    const r =
      share && Number(share.ended) > 0 ? Math.round((1000 * Number(share.met)) / Number(share.ended)) / 10 : null;
    return {
      id: p.id,
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
  });
}
