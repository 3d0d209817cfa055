import { z } from 'zod';
import type { Scope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { hashToken, newToken, tokenPrefix } from './token-hash';
import { mayHoldToken } from './token-holders';

export const ZIssueToken = z.object({
  organisationId: z.uuid('Kies een gemeente of regio.'),
  name: z
    .string()
    .trim()
    .min(2, 'Geef de token een naam (bijvoorbeeld het BI-pakket).')
    .max(80, 'Hoogstens 80 tekens.'),
});

/**
 * Issues a token for a municipality's or region's BI tool. The token itself is returned once and
 * never stored; only its hash is. Only municipalities and regions get one: the API serves suppressed figures.
 */
export async function issueApiToken(
  scope: Extract<Scope, { kind: 'ttp' }>,
  input: z.infer<typeof ZIssueToken>,
  address: string | null,
) {
  const org = await db().organisation.findUnique({ where: { id: input.organisationId } });
  if (!org?.active || !mayHoldToken(org.kind)) {
    throw new AppError('Een API-token kan alleen worden uitgegeven aan een actieve gemeente of regio.', 400);
  }
  const token = newToken();
  const record = await db().apiToken.create({
    data: {
      organisationId: org.id,
      name: input.name,
      prefix: tokenPrefix(token),
      tokenHash: hashToken(token),
      createdById: scope.user.userId,
    },
  });
  await writeAudit({
    event: 'api-token.uitgegeven',
    actor: scope.user,
    object: `api-token ${record.id} (${record.prefix}…) voor ${org.name}`,
    address,
  });
  return { token, record };
}
