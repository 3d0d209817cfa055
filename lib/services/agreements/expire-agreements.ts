import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';

/**
 * Marks signed agreements whose end date has passed as verlopen (run nightly). Nothing waits for
 * this: currentAgreementWhere and the admin list (statusOn) already look at the date.
 */
export async function expireAgreements(today = new Date()): Promise<number> {
  const day = new Date(`${today.toISOString().slice(0, 10)}T00:00:00Z`);
  const expired = await db().processingAgreement.findMany({
    where: { status: 'ONDERTEKEND', validUntil: { lt: day } },
    select: { id: true },
  });
  if (expired.length === 0) return 0;
  const { count } = await db().processingAgreement.updateMany({
    where: { id: { in: expired.map((a) => a.id) }, status: 'ONDERTEKEND' },
    data: { status: 'VERLOPEN' },
  });
  await writeAudit({ event: 'overeenkomst.verlopen', object: `overeenkomsten ${expired.map((a) => a.id).join(', ')}` });
  return count;
}
