import type { Metadata } from 'next';
import { IssueTokenForm } from '@/components/api-tokens/issue-token-form';
import { TokenTable } from '@/components/api-tokens/token-table';
import { requireScope } from '@/lib/access/require-scope';
import { listApiTokens } from '@/lib/services/api-tokens/list-api-tokens';
import { revokeOwnTokenAction } from './actions';

export const metadata: Metadata = { title: 'API-tokens' };

export default async function OwnApiTokensPage({ searchParams }: { searchParams: Promise<{ melding?: string }> }) {
  const scope = await requireScope('api-token:issue', 'api-tokens eigen organisatie');
  const tokens = await listApiTokens(scope);
  const { melding } = await searchParams;
  return (
    <>
      <h1>API-tokens</h1>
      <p>
        Met een token leest uw BI-pakket dezelfde cijfers als uw dashboard (kleine aantallen afgeschermd, de rest licht
        verstoord): <code>GET /api/v1/indicatoren/&lt;indicator&gt;</code> met de kop{' '}
        <code>Authorization: Bearer gp_…</code>, zie de README. Een token wordt één keer getoond; het portaal bewaart
        alleen een hash. Trek een token in zodra hij niet meer nodig is; dat werkt bij de volgende aanroep.
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
