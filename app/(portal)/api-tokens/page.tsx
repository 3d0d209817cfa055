import type { Metadata } from 'next';
import { IssueTokenForm } from '@/components/api-tokens/issue-token-form';
import { TokenTable } from '@/components/api-tokens/token-table';
import { ViewUsageNote } from '@/components/dashboard/view-usage-note';
import { requireScope } from '@/lib/access/require-scope';
import { listApiTokens } from '@/lib/services/api-tokens/list-api-tokens';
import { getViewUsage } from '@/lib/services/disclosure/get-view-usage';
import { revokeOwnTokenAction } from './actions';

export const metadata: Metadata = { title: 'API-tokens' };

/** An organisation's own tokens: a municipality's or region's for its BI tool, a provider's for delivery by its systems. */
export default async function OwnApiTokensPage({ searchParams }: { searchParams: Promise<{ melding?: string }> }) {
  const scope = await requireScope('api-token:issue', 'api-tokens eigen organisatie');
  const [tokens, usage] = await Promise.all([listApiTokens(scope), getViewUsage(scope)]);
  const { melding } = await searchParams;
  return (
    <>
      <h1>API-tokens</h1>
      {scope.kind === 'aanbieder' ? (
        <p>
          Met een token levert uw systeem (of een gepland script) bestanden aan zonder browser:{' '}
          <code>POST /api/v1/aanleveringen?soort=test</code> (of <code>soort=productie</code>) met het bestand als
          inhoud en de kop <code>Authorization: Bearer gp_…</code>. Het antwoord is hetzelfde ontvangstbewijs als in de
          browser; het verslag per regel leest u met <code>GET /api/v1/aanleveringen/&lt;nummer&gt;</code>. Zie de{' '}
          <a href="/api-documentatie">API-documentatie</a> voor de voorbeelden. Een token kan alleen aanleveren en de
          eigen aanleveringen lezen, geen cijfers.
        </p>
      ) : (
        <p>
          Met een token leest uw BI-pakket dezelfde cijfers als uw dashboard (kleine aantallen afgeschermd, de rest
          licht verstoord): <code>GET /api/v1/indicatoren/&lt;indicator&gt;</code> met de kop{' '}
          <code>Authorization: Bearer gp_…</code>, zie de <a href="/api-documentatie">API-documentatie</a>. Elk antwoord
          noemt in de koppen <code>X-Overzichten-Gebruikt</code> en <code>X-Overzichten-Budget</code> hoeveel
          verschillende overzichten uw organisatie deze maand heeft opgevraagd, van hoeveel.
        </p>
      )}
      <ViewUsageNote usage={usage} />
      <p>
        Een token wordt één keer getoond; het portaal bewaart alleen een hash. Trek een token in zodra hij niet meer
        nodig is; dat werkt bij de volgende aanroep.
      </p>
      {melding && (
        <p className="melding" role="status">
          {melding}
        </p>
      )}
      <IssueTokenForm />
      <h2>Tokens van uw organisatie</h2>
      <TokenTable tokens={tokens} revoke={revokeOwnTokenAction} />
    </>
  );
}
