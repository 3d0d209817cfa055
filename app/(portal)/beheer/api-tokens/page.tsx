import type { Metadata } from 'next';
import { TokenTable } from '@/components/api-tokens/token-table';
import { requireScope } from '@/lib/access/require-scope';
import { listApiTokens } from '@/lib/services/api-tokens/list-api-tokens';
import { revokeTokenAction } from './actions';

export const metadata: Metadata = { title: 'API-tokens' };

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<{ melding?: string }> }) {
  const scope = await requireScope('api-token:manage', 'api-tokens');
  const tokens = await listApiTokens(scope);
  const { melding } = await searchParams;
  return (
    <>
      <h1>API-tokens</h1>
      <p>
        Gemeenten en regio&apos;s geven hun eigen tokens uit (onder API-tokens in hun menu) en lezen daarmee dezelfde
        afgeschermde en verstoorde cijfers als op hun dashboard, voor hun eigen BI-pakket. De TTP ziet welke tokens er
        zijn en kan er een intrekken, bijvoorbeeld als hij is uitgelekt, maar geeft er zelf geen uit: de TTP ziet geen
        cijfers. Intrekken werkt bij de volgende aanroep.
      </p>
      {melding && (
        <p className="melding" role="status">
          {melding}
        </p>
      )}
      <h2>Alle tokens</h2>
      <TokenTable tokens={tokens} revoke={revokeTokenAction} />
    </>
  );
}
