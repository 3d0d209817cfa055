import { z } from 'zod';
import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { gemeenteByCode } from '@/lib/reference/gemeenten';
import { ZOptionalEmail } from '@/lib/validation';

export const ZNewGemeente = z.object({
  cbsCode: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'Kies een gemeente uit de lijst.'),
  contactEmail: ZOptionalEmail,
});

/** Registers a municipality from the national reference list: its name and CBS code are never typed. */
export async function createGemeente(scope: TtpScope, input: z.infer<typeof ZNewGemeente>, address: string | null) {
  checkCaller(scope, 'organisations:manage', 'ttp');
  const ref = gemeenteByCode(input.cbsCode);
  if (!ref)
    throw new AppError(
      `GM${input.cbsCode} staat niet in de lijst van Nederlandse gemeenten.`,
      400,
      'GEMEENTE_ONBEKEND',
    );
  if (await db().organisation.findUnique({ where: { cbsCode: ref.cbsCode } })) {
    throw new AppError(`${ref.name} (GM${ref.cbsCode}) is al geregistreerd.`, 409, 'GEMEENTE_BESTAAT');
  }
  const org = await db().organisation.create({
    data: { kind: 'GEMEENTE', name: ref.name, cbsCode: ref.cbsCode, contactEmail: input.contactEmail || null },
  });
  await writeAudit({
    event: 'organisatie.aangemaakt',
    actor: scope.user,
    object: `organisatie ${org.id} (gemeente GM${org.cbsCode}, ${org.name})`,
    address,
  });
  return org;
}
