import { z } from 'zod';
import { can } from '@/lib/access/permissions';
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
    .min(2, 'Geef de token een naam (bijvoorbeeld het BI-pakket of het bronsysteem).')
    .max(80, 'Hoogstens 80 tekens.'),
});

/**
 * An organisation issues a token for itself: a municipality or region for its BI tool (its own
 * residents' protected figures), a provider for its own systems (delivering files). It is returned
 * once and never stored; only its hash is. The TTP can list and revoke tokens but never issues one (it
 * would read figures it promises not to see, or deliver in a provider's name), and a token cannot mint
 * another token.
 */
export async function issueApiToken(scope: Scope, input: z.infer<typeof ZIssueToken>, address: string | null) {
  if (scope.kind === 'ttp' || !scope.user.userId || !can(scope.user.role, 'api-token:issue')) {
    throw new AppError('Alleen een gemeente, regio of aanbieder geeft haar eigen API-tokens uit.', 403);
  }
  const org = await db().organisation.findUnique({ where: { id: scope.user.organisationId } });
  if (!org?.active || !mayHoldToken(org.kind)) {
    throw new AppError('Een API-token kan alleen worden uitgegeven aan een actieve organisatie.', 400);
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
