import { z } from 'zod';
import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getSpiegelrapportage } from '@/lib/services/reports/get-spiegelrapportage';
import { parsePeriod } from '@/lib/services/reports/report-period';
import { AGB_CODE, zIsoDate } from '@/lib/validation';

export const ZPrepare = z.object({
  aanbieder: z.string().regex(AGB_CODE, 'Kies een aanbieder.'),
  periode: z.string().refine((v) => parsePeriod(v) !== null, 'Kies een periode.'),
  meetingDate: z.union([
    z.literal('').transform(() => null),
    zIsoDate('De datum van het gesprek is geen geldige datum.'),
  ]),
});

/**
 * A municipality or region prepares a conversation with one provider about one period: the shareable
 * spiegelrapportage over its residents is assembled now and frozen into the record.
 */
export async function prepareConversation(scope: Scope, input: z.infer<typeof ZPrepare>, address: string | null) {
  checkCaller(scope, 'conversation:prepare');
  if (scope.kind !== 'gemeente') throw new AppError('Een gemeente of regio bereidt het kwaliteitsgesprek voor.', 403);
  const figures = await getSpiegelrapportage(scope, {
    agbCode: input.aanbieder,
    period: parsePeriod(input.periode)!,
    version: 'deelbaar',
  });
  const aanbieder = await db().organisation.findUniqueOrThrow({
    where: { agbCode: input.aanbieder },
    select: { id: true },
  });
  const conversation = await db().conversation.create({
    data: {
      organisationId: scope.user.organisationId,
      aanbiederId: aanbieder.id,
      period: input.periode,
      meetingDate: input.meetingDate,
      figures,
      createdById: scope.user.userId,
    },
  });
  // The provider hears of it on its start page, with a link to add its side.
  await db().notification.create({
    data: {
      organisationId: aanbieder.id,
      text: `${scope.user.organisationName} heeft een kwaliteitsgesprek voorbereid over ${figures.period.label}.`,
      link: `/kwaliteitsgesprekken/${conversation.id}`,
    },
  });
  await writeAudit({
    event: 'kwaliteitsgesprek.voorbereid',
    actor: scope.user,
    object: `kwaliteitsgesprek ${conversation.id} (${figures.aanbieder.name}, ${input.periode})`,
    address,
  });
  return { id: conversation.id, name: figures.aanbieder.name };
}
