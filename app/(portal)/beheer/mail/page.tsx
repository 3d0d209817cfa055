import type { Metadata } from 'next';
import { TableScroll } from '@/components/ui/table-scroll';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { formatDateTime } from '@/lib/format';
import { listOutbox } from '@/lib/services/mail/list-outbox';

export const metadata: Metadata = { title: 'Uitgaande e-mail' };

export default async function OutboxPage() {
  const scope = expectScope(await requireScope('mail:outbox', 'uitgaande e-mail'), 'ttp');
  const mails = await listOutbox(scope);
  return (
    <>
      <h1>Uitgaande e-mail</h1>
      <p>
        Alle e-mail die het portaal verstuurt. Zonder SMTP-server (SMTP_URL) wordt niets verstuurd en staat de e-mail
        alleen hier.
      </p>
      {mails.length === 0 ? (
        <p>Er is nog geen e-mail.</p>
      ) : (
        <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">Aangemaakt</th>
                <th scope="col">Aan</th>
                <th scope="col">Onderwerp en tekst</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id}>
                  <td>{formatDateTime(m.createdAt)}</td>
                  <td>{m.to}</td>
                  <td>
                    <strong>{m.subject}</strong>
                    <pre className="mail">{m.body}</pre>
                  </td>
                  <td>
                    {m.sentAt
                      ? `verzonden ${formatDateTime(m.sentAt)}`
                      : m.error
                        ? `mislukt: ${m.error}`
                        : 'niet verzonden'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
