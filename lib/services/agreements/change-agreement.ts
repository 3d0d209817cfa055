import { z } from 'zod';
import type { TtpScope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { AGREEMENT_STATUS_LABEL, type AgreementStep, mayTakeStep, STEP_RESULT } from './agreement-lifecycle';

export const ZAgreementChange = z.object({
  id: z.uuid('Onbekende overeenkomst.'),
  step: z.enum(['verzenden', 'beeindigen']),
});

/**
 * Takes one step that needs no document: sent to the provider, or ended (a request withdrawn, a
 * signed agreement terminated). The status check is part of the UPDATE, so two admins clicking at
 * once cannot both succeed.
 */
export async function changeAgreement(
  scope: TtpScope,
  input: z.infer<typeof ZAgreementChange>,
  address: string | null,
) {
  const step: AgreementStep = input.step;
  const agreement = await db().processingAgreement.findUnique({
    where: { id: input.id },
    include: { aanbieder: { select: { name: true } } },
  });
  if (!agreement) throw new AppError('Deze overeenkomst bestaat niet.', 404);
  const refuse = () =>
    new AppError(
      `Een overeenkomst met status ${AGREEMENT_STATUS_LABEL[agreement.status]} kan niet ${step === 'verzenden' ? 'verzonden' : 'beëindigd'} worden.`,
      409,
    );
  if (!mayTakeStep(agreement.status, step)) throw refuse();
  const now = new Date();
  const { count } = await db().processingAgreement.updateMany({
    where: { id: agreement.id, status: agreement.status },
    data: { status: STEP_RESULT[step], ...(step === 'verzenden' ? { sentAt: now } : { endedAt: now }) },
  });
  if (count !== 1) throw refuse();
  await writeAudit({
    event: step === 'verzenden' ? 'overeenkomst.verzonden' : 'overeenkomst.beeindigd',
    actor: scope.user,
    object: `overeenkomst ${agreement.id} (${agreement.aanbieder.name}, versie ${agreement.version})`,
    address,
  });
}
