import { z } from 'zod';
import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { DOMEIN_LABEL } from '@/lib/cbs/layout';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Domein } from '@/lib/generated/prisma/enums';
import { OPEN_STATUSES } from './agreement-lifecycle';

export const ZAgreementVersion = z
  .string()
  .trim()
  .min(1, 'Vul de versie van de overeenkomst in.')
  .max(40, 'Hoogstens 40 tekens.');

/** The domains the agreement covers: a checkbox each (a form sends only the ticked ones). */
export const ZNewAgreement = z
  .object({
    aanbiederId: z.uuid('Kies een aanbieder.'),
    version: ZAgreementVersion,
    jeugd: z.literal('ja').optional(),
    wmo: z.literal('ja').optional(),
  })
  .transform(({ jeugd, wmo, ...rest }) => ({
    ...rest,
    domeinen: [...(jeugd ? (['JEUGD'] as const) : []), ...(wmo ? (['WMO'] as const) : [])],
  }))
  .refine((v) => v.domeinen.length > 0, 'Kies minstens één domein (Jeugd of Wmo).');

/**
 * Starts an agreement (status aangevraagd) for the domains it covers. A provider has at most one open
 * agreement; a new version next to a current signed one is how an agreement is renewed, or extended
 * to Wmo.
 */
export async function requestAgreement(
  scope: TtpScope,
  input: { aanbiederId: string; version: string; domeinen?: Domein[] },
  address: string | null,
) {
  const domeinen = input.domeinen ?? ['JEUGD'];
  checkCaller(scope, 'agreements:manage', 'ttp');
  const aanbieder = await db().organisation.findUnique({ where: { id: input.aanbiederId } });
  if (aanbieder?.kind !== 'AANBIEDER')
    throw new AppError('Een verwerkersovereenkomst is er alleen met een aanbieder.', 400);
  if (!aanbieder.active) throw new AppError(`${aanbieder.name} is gedeactiveerd.`, 409);
  const open = await db().processingAgreement.findFirst({
    where: { aanbiederId: aanbieder.id, status: { in: OPEN_STATUSES } },
  });
  if (open)
    throw new AppError(
      `${aanbieder.name} heeft al een overeenkomst in behandeling (versie ${open.version}).`,
      409,
      'OVEREENKOMST_OPEN',
    );
  const agreement = await db().processingAgreement.create({
    data: {
      aanbiederId: aanbieder.id,
      version: input.version,
      domeinen,
      status: 'AANGEVRAAGD',
      requestedAt: new Date(),
    },
  });
  await writeAudit({
    event: 'overeenkomst.aangevraagd',
    actor: scope.user,
    object: `overeenkomst ${agreement.id} (${aanbieder.name}, versie ${agreement.version}, ${domeinen.map((d) => DOMEIN_LABEL[d]).join(' en ')})`,
    address,
  });
  return { agreement, aanbieder };
}
