import { z } from 'zod';
import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { ZAgbCode, ZOptionalEmail } from '@/lib/validation';

export const ZNewAanbieder = z.object({
  name: z.string().trim().min(2, 'Vul de naam van de aanbieder in.').max(200, 'Hoogstens 200 tekens.'),
  agbCode: ZAgbCode,
  contactEmail: ZOptionalEmail,
});

/** Registers a provider. Its AGB code is its identity in every file it delivers, so it is unique. */
export async function createAanbieder(scope: TtpScope, input: z.infer<typeof ZNewAanbieder>, address: string | null) {
  checkCaller(scope, 'organisations:manage', 'ttp');
  if (await db().organisation.findUnique({ where: { agbCode: input.agbCode } })) {
    throw new AppError('Er is al een organisatie met deze AGB-code.', 409, 'AGB_BESTAAT');
  }
  const org = await db().organisation.create({
    data: { kind: 'AANBIEDER', name: input.name, agbCode: input.agbCode, contactEmail: input.contactEmail || null },
  });
  await writeAudit({
    event: 'organisatie.aangemaakt',
    actor: scope.user,
    object: `organisatie ${org.id} (aanbieder ${org.agbCode}, ${org.name})`,
    address,
  });
  return org;
}
