import type { Scope } from '@/lib/access/scope';
import { trajectoryScopeSql } from '@/lib/access/trajectory-scope';
import { withScope } from '@/lib/access/with-scope';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

export type ReportVersion = 'intern' | 'deelbaar';

export const REPORT_VERSION_LABEL: Record<ReportVersion, string> = {
  intern: 'intern (alle cliënten, niet afgeschermd)',
  deelbaar: 'deelbaar (kleine aantallen afgeschermd)',
};

/** The versions a scope may ask for, the first its default (the rule of reportTarget, for forms and links). */
export const reportVersionsFor = (scope: Scope): ReportVersion[] =>
  scope.kind === 'aanbieder' ? ['intern', 'deelbaar'] : scope.kind === 'gemeente' ? ['deelbaar'] : [];

/** Whether the provider has any trajectory of the scope's residents (one indexed EXISTS, under row-level security). */
async function servesResidents(scope: Extract<Scope, { kind: 'gemeente' }>, agbCode: string): Promise<boolean> {
  const [row] = await withScope(
    scope,
    (tx) =>
      tx.$queryRaw<{ serves: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM trajectory t JOIN organisation o ON o.id = t.aanbieder_id WHERE ${trajectoryScopeSql(scope)} AND o.agb_code = ${agbCode}) AS serves`,
  );
  return row.serves;
}

/**
 * Who may have which spiegelrapportage: the one rule. A provider gets both versions of its own
 * report; a municipality or region only the shareable one, and only of a provider that serves its
 * residents (over those residents); the TTP none. Another provider is "not found", never "forbidden".
 */
export async function reportTarget(scope: Scope, agbCode: string, version: ReportVersion) {
  if (scope.kind === 'ttp') throw new AppError('Beheerders van de TTP zien geen cijfers.', 403);
  if (!reportVersionsFor(scope).includes(version))
    throw new AppError('De interne spiegelrapportage is alleen voor de aanbieder zelf; kies de deelbare versie.', 403);
  if (scope.kind === 'aanbieder') {
    if (agbCode !== scope.agbCode) throw new AppError('Deze rapportage bestaat niet.', 404);
  } else if (!(await servesResidents(scope, agbCode))) throw new AppError('Deze rapportage bestaat niet.', 404);
  const org = await db().organisation.findUnique({
    where: { agbCode },
    select: { id: true, name: true, agbCode: true },
  });
  if (!org) throw new AppError('Deze rapportage bestaat niet.', 404);
  return {
    aanbieder: { id: org.id, name: org.name, agbCode: org.agbCode! },
    shareable: version === 'deelbaar',
    audience:
      scope.kind === 'aanbieder' ? 'alle cliënten van de aanbieder' : `inwoners van ${scope.user.organisationName}`,
  };
}
