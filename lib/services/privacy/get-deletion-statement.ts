import { can } from '@/lib/access/permissions';
import type { Scope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { type DeletionStatement, statementIsValid, ZDeletionStatement } from './deletion-statement';

/** The signed deletion statement of one agreement: for TTP admins, and for the provider it concerns. */
export async function getDeletionStatement(
  scope: Scope,
  agreementId: string,
  address: string | null,
): Promise<DeletionStatement> {
  if (!can(scope.user.role, 'deletion-statement:view') || scope.kind === 'gemeente')
    throw new AppError('Geen toegang.', 403, 'GEEN_TOEGANG');
  const agreement = await db().processingAgreement.findFirst({
    where: { id: agreementId, ...(scope.kind === 'aanbieder' ? { aanbiederId: scope.aanbiederId } : {}) },
    select: { deletionStatement: true },
  });
  // Another provider's agreement answers exactly like one that does not exist.
  if (!agreement?.deletionStatement) throw new AppError('Deze verklaring bestaat niet.', 404);
  const statement = ZDeletionStatement.parse(agreement.deletionStatement);
  // Altered after signing (by hand in the database): never hand that out as the TTP's word.
  if (!statementIsValid(statement)) throw new Error(`Verwijderverklaring ${agreementId}: handtekening klopt niet`);
  await writeAudit({
    event: 'verwijderverklaring.download',
    actor: scope.user,
    object: `overeenkomst ${agreementId}`,
    address,
  });
  return statement;
}
