import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

/** A signed agreement that has not ended (docs/domain.md, onboarding): the one definition of "current". */
export const currentAgreementWhere = (today: Date) =>
  ({
    status: 'ONDERTEKEND',
    OR: [{ validUntil: null }, { validUntil: { gte: today } }],
  }) satisfies Prisma.ProcessingAgreementWhereInput;

/** Production data only under a current agreement. */
export async function hasCurrentAgreement(aanbiederId: string, today = new Date()): Promise<boolean> {
  return (await db().processingAgreement.count({ where: { aanbiederId, ...currentAgreementWhere(today) } })) > 0;
}
