import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { isUuid } from '@/lib/validation';
import { readAgreementDocument } from './agreement-document';

/** The signed PDF for a TTP admin (decrypted, hash checked); null when there is none. Every download is audited. */
export async function getAgreementDocument(scope: TtpScope, id: string, address: string | null) {
  checkCaller(scope, 'agreements:manage', 'ttp');
  if (!isUuid(id)) return null;
  const agreement = await db().processingAgreement.findUnique({
    where: { id },
    include: { aanbieder: { select: { name: true, agbCode: true } } },
  });
  if (!agreement?.documentPath) return null;
  const content = await readAgreementDocument(agreement.id, agreement.documentPath, agreement.documentSha256);
  await writeAudit({
    event: 'overeenkomst.pdf-gedownload',
    actor: scope.user,
    object: `overeenkomst ${agreement.id} (${agreement.aanbieder.name})`,
    address,
  });
  return {
    content,
    fileName: `verwerkersovereenkomst-${agreement.aanbieder.agbCode}-${agreement.version.replace(/[^\w.-]/g, '_')}.pdf`,
  };
}
