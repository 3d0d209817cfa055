import { z } from 'zod';
import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import {
  AGREEMENT_STATUS_LABEL,
  type AgreementStep,
  END_CHOICE_LABEL,
  mayTakeStep,
  needsEndChoice,
  STEP_RESULT,
} from './agreement-lifecycle';

export const ZAgreementChange = z.object({
  id: z.uuid('Onbekende overeenkomst.'),
  step: z.enum(['verzenden', 'beeindigen']),
  /** At the end of a signed or expired agreement: what happens to the provider's data. */
  keuze: z.enum(['VERWIJDEREN', 'TERUGGEVEN'], 'Kies wat er met de gegevens van de aanbieder gebeurt.').optional(),
  /** The confirmation step of an irreversible end: the form's checkbox. */
  bevestigd: z.literal('ja', 'Bevestig de keuze: de gegevens worden daarna verwijderd.').optional(),
});

const DAY = 86_400_000;

/**
 * Takes one step that needs no document: sent to the provider, or ended (a request withdrawn, a
 * signed or expired agreement terminated with the provider's choice: verwijderen or teruggeven, both
 * followed by deletion from deletionDueOn). The status check is part of the UPDATE, so two admins
 * clicking at once cannot both succeed.
 */
export async function changeAgreement(
  scope: TtpScope,
  input: z.infer<typeof ZAgreementChange>,
  address: string | null,
) {
  checkCaller(scope, 'agreements:manage', 'ttp');
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
  const choice = step === 'beeindigen' && needsEndChoice(agreement.status) ? input.keuze : undefined;
  if (step === 'beeindigen' && needsEndChoice(agreement.status) && !choice)
    throw new AppError('Kies wat er met de gegevens van de aanbieder gebeurt: verwijderen of teruggeven.', 400);
  if (choice && input.bevestigd !== 'ja')
    throw new AppError('Bevestig de keuze: de gegevens van de aanbieder worden daarna verwijderd.', 400);
  const now = new Date();
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const deletionDueOn = choice ? new Date(today.getTime() + env().AGREEMENT_DELETION_NOTICE_DAYS * DAY) : null;
  const { count } = await db().processingAgreement.updateMany({
    where: { id: agreement.id, status: agreement.status },
    data: {
      status: STEP_RESULT[step],
      ...(step === 'verzenden' ? { sentAt: now } : { endedAt: now }),
      ...(choice ? { endChoice: choice, deletionDueOn } : {}),
    },
  });
  if (count !== 1) throw refuse();
  if (choice && deletionDueOn) {
    await db().notification.create({
      data: {
        organisationId: agreement.aanbiederId,
        text:
          `Uw verwerkersovereenkomst (versie ${agreement.version}) is beëindigd. Uw keuze: ${END_CHOICE_LABEL[choice]}. ` +
          `De TTP verwijdert uw gegevens vanaf ${formatDate(deletionDueOn)}` +
          (choice === 'TERUGGEVEN' ? '; download ze vóór die datum.' : '.'),
        link: '/aanbieder/gegevens',
      },
    });
  }
  await writeAudit({
    event: step === 'verzenden' ? 'overeenkomst.verzonden' : 'overeenkomst.beeindigd',
    actor: scope.user,
    object:
      `overeenkomst ${agreement.id} (${agreement.aanbieder.name}, versie ${agreement.version})` +
      (choice && deletionDueOn
        ? `, keuze ${choice}, verwijderen vanaf ${deletionDueOn.toISOString().slice(0, 10)}`
        : ''),
    address,
  });
  return { choice, deletionDueOn };
}
