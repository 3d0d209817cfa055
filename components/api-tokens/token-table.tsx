import { ActionButton } from '@/components/ui/action-button';
import { TableScroll } from '@/components/ui/table-scroll';
import { formatDateTime } from '@/lib/format';

export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  organisation: { name: string };
};

/** Tokens by their first characters only (the secret is never shown again), with a revoke button. */
export function TokenTable({ tokens, revoke }: { tokens: TokenRow[]; revoke: (form: FormData) => Promise<void> }) {
  if (!tokens.length) return <p>Nog geen tokens.</p>;
  return (
    <TableScroll>
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
                  <ActionButton
                    action={revoke}
                    fields={{ id: t.id }}
                    label="Intrekken"
                    ariaLabel={`Token ${t.name} intrekken`}
                    confirm={`Token ${t.name} intrekken? Systemen die hem gebruiken, krijgen bij de volgende aanroep geen toegang meer.`}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
