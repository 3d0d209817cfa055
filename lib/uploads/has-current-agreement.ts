import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Domein } from '@/lib/generated/prisma/enums';

/** A signed agreement that has not ended (docs/domain.md, onboarding): the one definition of "current". */
export const currentAgreementWhere = (today: Date) =>
  ({
    status: 'ONDERTEKEND',
    OR: [{ validUntil: null }, { validUntil: { gte: today } }],
  }) satisfies Prisma.ProcessingAgreementWhereInput;

/** The domains the provider's current agreements cover (none: no current agreement). */
export async function agreementDomains(aanbiederId: string, today = new Date()): Promise<Domein[]> {
  const current = await db().processingAgreement.findMany({
    where: { aanbiederId, ...currentAgreementWhere(today) },
    select: { domeinen: true },
  });
  return [...new Set(current.flatMap((a) => a.domeinen))];
}

/** Production data only under a current agreement. */
export async function hasCurrentAgreement(aanbiederId: string, today = new Date()): Promise<boolean> {
  return (await db().processingAgreement.count({ where: { aanbiederId, ...currentAgreementWhere(today) } })) > 0;
}
