import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { csvHeader, csvRow, WITH_DOMEIN } from '@/lib/cbs/write-files';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { deliveryRecord, providerTrajectories } from './provider-records';

/**
 * Teruggeven: everything the TTP holds of the provider on client level, as a delivery CSV the import
 * accepts again (lib/cbs/layout.ts), while an ended agreement with that choice waits for deletion.
 * Lines are produced page by page; the download is recorded (returnedAt, audit) when it starts.
 */
export async function startReturn(scope: Scope, address: string | null) {
  const s = checkCaller(scope, 'privacy:request', 'aanbieder');
  const agreement = await db().processingAgreement.findFirst({
    where: { aanbiederId: s.aanbiederId, endChoice: 'TERUGGEVEN', dataDeletedAt: null },
    orderBy: { endedAt: 'desc' },
  });
  if (!agreement) throw new AppError('Er staat geen teruggave van gegevens voor u klaar.', 404);
  await db().processingAgreement.update({ where: { id: agreement.id }, data: { returnedAt: new Date() } });
  await writeAudit({
    event: 'aanbiedergegevens.teruggegeven',
    actor: s.user,
    object: `overeenkomst ${agreement.id}`,
    address,
  });
  async function* lines() {
    // With the domein column: a provider of Jeugd and Wmo delivers this file again once per domain,
    // and each delivery takes the rows of its own domain.
    yield csvHeader(';', WITH_DOMEIN);
    for await (const t of providerTrajectories(s)) yield csvRow(deliveryRecord(t, s.agbCode), ';', WITH_DOMEIN);
  }
  return { fileName: `teruggave-${s.agbCode}-${new Date().toISOString().slice(0, 10)}.csv`, lines: lines() };
}
