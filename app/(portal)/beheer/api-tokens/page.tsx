import type { Metadata } from 'next';
import { IssueTokenForm } from '@/components/beheer/issue-token-form';
import { ActionButton } from '@/components/ui/action-button';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { formatDateTime } from '@/lib/format';
import { listApiTokens } from '@/lib/services/api-tokens/list-api-tokens';
import { revokeTokenAction } from './actions';

export const metadata: Metadata = { title: 'API-tokens' };

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<{ melding?: string }> }) {
  const scope = expectScope(await requireScope('api-token:manage', 'api-tokens'), 'ttp');
  const { tokens, organisations } = await listApiTokens(scope);
  const { melding } = await searchParams;
  return (
    <>
      <h1>API-tokens</h1>
      <p>
        Gemeenten en regio&apos;s lezen met een token dezelfde afgeschermde en verstoorde cijfers als op hun dashboard,
        voor hun eigen BI-pakket (<code>GET /api/v1/indicatoren/&lt;indicator&gt;</code>, zie de README). Een token
        wordt één keer getoond; het portaal bewaart alleen een hash. Intrekken werkt bij de volgende aanroep.
      </p>
      {melding && (
        <p className="melding" role="status">
          {melding}
        </p>
      )}
      <IssueTokenForm organisations={organisations.map((o) => ({ id: o.id, label: o.name }))} />
      <h2>Uitgegeven tokens</h2>
      <div className="tabel-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Organisatie</th>
              <th scope="col">Naam</th>
              <th scope="col">Begint met</th>
              <th scope="col">Uitgegeven</th>
              <th scope="col">Laatst gebruikt</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.organisation.name}</td>
                <td>{t.name}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{formatDateTime(t.createdAt)}</td>
                <td>{formatDateTime(t.lastUsedAt)}</td>
                <td>
                  {t.revokedAt ? (
                    `ingetrokken ${formatDateTime(t.revokedAt)}`
                  ) : (
                    <ActionButton action={revokeTokenAction} fields={{ id: t.id }} label="Intrekken" />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
