import { db } from '@/lib/db';

/** Production data only under a signed agreement that has not ended (domain.md, onboarding). */
export async function hasCurrentAgreement(aanbiederId: string, today = new Date()): Promise<boolean> {
  const n = await db().processingAgreement.count({
    where: { aanbiederId, status: 'ONDERTEKEND', OR: [{ validUntil: null }, { validUntil: { gte: today } }] },
  });
  return n > 0;
}
