import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { withScope } from '@/lib/access/with-scope';
import { db } from '@/lib/db';

/** The provider's start page: agreement status and what it has delivered (its own data, unsuppressed). */
export async function getAanbiederStart(scope: Extract<Scope, { kind: 'aanbieder' }>) {
  checkCaller(scope, 'aanbieder:start', 'aanbieder');
  const [agreement, uploads, data] = await Promise.all([
    db().processingAgreement.findFirst({
      where: { aanbiederId: scope.aanbiederId },
      orderBy: { createdAt: 'desc' },
      select: { status: true, version: true, signedAt: true, validUntil: true },
    }),
    db().upload.count({ where: { aanbiederId: scope.aanbiederId } }),
    withScope(scope, async (tx) => {
      const where = { aanbiederId: scope.aanbiederId };
      const [trajectories, clients, ended, lastEnd] = await Promise.all([
        tx.trajectory.count({ where }),
        // distinct clients counted in the database, not by fetching every pseudonym
        tx.$queryRaw<
          { n: number }[]
        >`SELECT count(DISTINCT client_pseudonym)::int AS n FROM trajectory WHERE aanbieder_id = ${scope.aanbiederId}::uuid`.then(
          (r) => r[0].n,
        ),
        tx.trajectory.count({ where: { ...where, einddatum: { not: null } } }),
        tx.trajectory.aggregate({ where, _max: { einddatum: true } }),
      ]);
      return { trajectories, clients, ended, lastEnd: lastEnd._max.einddatum };
    }),
  ]);
  return { agreement, uploads, ...data };
}
