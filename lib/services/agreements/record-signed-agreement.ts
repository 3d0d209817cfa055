import { z } from 'zod';
import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { inviteRequestedAccounts } from '@/lib/services/access-requests/invite-requested-accounts';
import { deleteUploadFile } from '@/lib/uploads/file-store';
import { zIsoDate } from '@/lib/validation';
import { storeAgreementDocument } from './agreement-document';
import { mayTakeStep } from './agreement-lifecycle';

export const ZSignedAgreement = z
  .object({
    id: z.uuid('Onbekende overeenkomst.'),
    signedAt: zIsoDate('Vul de datum van ondertekening in.'),
    validFrom: zIsoDate('Vul de ingangsdatum in.'),
    validUntil: z.union([z.literal('').transform(() => null), zIsoDate('De einddatum is geen geldige datum.')]),
    signatoryName: z.string().trim().min(2, 'Vul de naam van de ondertekenaar in.').max(120),
    signatoryRole: z.string().trim().min(2, 'Vul de functie van de ondertekenaar in.').max(120),
  })
  .refine((a) => a.signedAt.getTime() <= Date.now(), { message: 'De datum van ondertekening ligt in de toekomst.' })
  .refine((a) => !a.validUntil || a.validUntil >= a.validFrom, { message: 'De einddatum ligt vóór de ingangsdatum.' });

/**
 * Records the signed agreement with its PDF (checked, stored encrypted) and makes it the provider's
 * current one: earlier signed versions end on this one's start. Then the accounts that the
 * provider's aanmelding asked for get their invitation.
 */
export async function recordSignedAgreement(
  scope: TtpScope,
  input: z.infer<typeof ZSignedAgreement>,
  pdf: Buffer,
  address: string | null,
) {
  checkCaller(scope, 'agreements:manage', 'ttp');
  const agreement = await db().processingAgreement.findUnique({
    where: { id: input.id },
    include: { aanbieder: { select: { name: true } } },
  });
  if (!agreement) throw new AppError('Deze overeenkomst bestaat niet.', 404);
  if (!mayTakeStep(agreement.status, 'ondertekend'))
    throw new AppError('Alleen een verzonden overeenkomst kan als ondertekend worden vastgelegd.', 409);
  const document = await storeAgreementDocument(agreement.id, pdf);
  try {
    await db().$transaction(async (tx) => {
      const { count } = await tx.processingAgreement.updateMany({
        where: { id: agreement.id, status: 'VERZONDEN' },
        data: {
          status: 'ONDERTEKEND',
          signedAt: input.signedAt,
          validFrom: input.validFrom,
          validUntil: input.validUntil,
          signatoryName: input.signatoryName,
          signatoryRole: input.signatoryRole,
          documentPath: document.path,
          documentSha256: document.sha256,
        },
      });
      if (count !== 1) throw new AppError('De overeenkomst is intussen gewijzigd; laad de pagina opnieuw.', 409);
      await tx.processingAgreement.updateMany({
        where: { aanbiederId: agreement.aanbiederId, status: 'ONDERTEKEND', id: { not: agreement.id } },
        data: { status: 'BEEINDIGD', endedAt: input.validFrom },
      });
    });
  } catch (err) {
    await deleteUploadFile(document.path); // nothing recorded: the stored PDF goes too, so a retry can store it again
    throw err;
  }
  await writeAudit({
    event: 'overeenkomst.ondertekend',
    actor: scope.user,
    object: `overeenkomst ${agreement.id} (${agreement.aanbieder.name}, versie ${agreement.version}, getekend door ${input.signatoryName}, pdf sha256 ${document.sha256})`,
    address,
  });
  return {
    name: agreement.aanbieder.name,
    invites: await inviteRequestedAccounts(scope, agreement.aanbiederId, address),
  };
}
