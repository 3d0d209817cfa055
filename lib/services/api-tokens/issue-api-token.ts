import { z } from 'zod';
import type { Scope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { hashToken, newToken, tokenPrefix } from './token-hash';
import { mayHoldToken } from './token-holders';

export const ZIssueToken = z.object({
  name: z
    .string()
    .trim()
    .min(2, 'Geef de token een naam (bijvoorbeeld het BI-pakket).')
    .max(80, 'Hoogstens 80 tekens.'),
});

/**
 * A municipality or region issues a token for its own BI tool: the token is its own, for its own
 * residents' protected figures. It is returned once and never stored; only its hash is. The TTP can
 * list and revoke tokens but never issues one (it would read the figures it promises not to see), and
 * a token cannot mint another token.
 */
export async function issueApiToken(scope: Scope, input: z.infer<typeof ZIssueToken>, address: string | null) {
  if (scope.kind !== 'gemeente' || !scope.user.userId) {
    throw new AppError('Alleen een gemeente of regio geeft haar eigen API-tokens uit.', 403);
  }
  const org = await db().organisation.findUnique({ where: { id: scope.user.organisationId } });
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
