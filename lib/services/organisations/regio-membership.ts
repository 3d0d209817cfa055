import { z } from 'zod';
import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

// A region is a group of registered municipalities with one host (centrumgemeente) among them.
// Membership decides what the region's accounts see: their scope is re-read on every request
// (lib/auth/sessions.ts), so a change applies at once.

export const ZNewRegio = z.object({
  name: z.string().trim().min(2, 'Vul de naam van de regio in.').max(200, 'Hoogstens 200 tekens.'),
  hostGemeenteId: z.uuid('Kies de centrumgemeente.'),
});

export const ZRegioChange = z.discriminatedUnion('change', [
  z.object({ change: z.literal('lid-toevoegen'), regioId: z.uuid(), gemeenteId: z.uuid('Kies een gemeente.') }),
  z.object({ change: z.literal('lid-verwijderen'), regioId: z.uuid(), gemeenteId: z.uuid() }),
  z.object({ change: z.literal('centrumgemeente'), regioId: z.uuid(), gemeenteId: z.uuid('Kies een gemeente.') }),
]);

async function activeGemeente(id: string) {
  const g = await db().organisation.findUnique({ where: { id } });
  if (g?.kind !== 'GEMEENTE' || !g.active) throw new AppError('Kies een geregistreerde, actieve gemeente.', 400);
  return g;
}

async function regio(id: string) {
  const r = await db().organisation.findUnique({ where: { id }, include: { regioMembers: true } });
  if (r?.kind !== 'REGIO') throw new AppError('Deze regio bestaat niet.', 404);
  return r;
}

/** A new region with its host municipality as first member. */
export async function createRegio(scope: TtpScope, input: z.infer<typeof ZNewRegio>, address: string | null) {
  checkCaller(scope, 'organisations:manage', 'ttp');
  const host = await activeGemeente(input.hostGemeenteId);
  if (
    await db().organisation.findFirst({ where: { kind: 'REGIO', name: { equals: input.name, mode: 'insensitive' } } })
  ) {
    throw new AppError('Er is al een regio met deze naam.', 409);
  }
  const org = await db().organisation.create({
    data: {
      kind: 'REGIO',
      name: input.name,
      hostGemeenteId: host.id,
      regioMembers: { create: [{ gemeenteId: host.id }] },
    },
  });
  await writeAudit({
    event: 'organisatie.aangemaakt',
    actor: scope.user,
    object: `organisatie ${org.id} (regio ${org.name}, centrumgemeente GM${host.cbsCode})`,
    address,
  });
  return org;
}

/** Adds or removes a member, or moves the host. The host stays a member: remove it only after moving the host. */
export async function changeRegio(scope: TtpScope, input: z.infer<typeof ZRegioChange>, address: string | null) {
  checkCaller(scope, 'organisations:manage', 'ttp');
  const r = await regio(input.regioId);
  const isMember = r.regioMembers.some((m) => m.gemeenteId === input.gemeenteId);
  const key = { regioId: r.id, gemeenteId: input.gemeenteId };
  switch (input.change) {
    case 'lid-toevoegen': {
      const g = await activeGemeente(input.gemeenteId);
      if (isMember) throw new AppError(`${g.name} is al lid van ${r.name}.`, 409);
      await db().regioMember.create({ data: key });
      break;
    }
    case 'lid-verwijderen':
      if (!isMember) throw new AppError('Deze gemeente is geen lid van de regio.', 404);
      if (r.hostGemeenteId === input.gemeenteId)
        throw new AppError('De centrumgemeente blijft lid; wijs eerst een andere centrumgemeente aan.', 409);
      await db().regioMember.delete({ where: { regioId_gemeenteId: key } });
      break;
    case 'centrumgemeente':
      if (!isMember) throw new AppError('De centrumgemeente moet lid van de regio zijn.', 400);
      await db().organisation.update({ where: { id: r.id }, data: { hostGemeenteId: input.gemeenteId } });
      break;
  }
  await writeAudit({
    event: `regio.${input.change}`,
    actor: scope.user,
    object: `regio ${r.id} (${r.name}), gemeente ${input.gemeenteId}`,
    address,
  });
}
