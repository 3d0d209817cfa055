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
        Alle e-mail die het portaal verstuurt: aan wie, waarom en of hij is verzonden. Een persoonlijke link
        (uitnodiging, wachtwoordherstel) staat alleen in de e-mail aan de geadresseerde, nooit hier. Zonder SMTP-server
        (SMTP_URL) wordt niets verstuurd.
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
                    {m.demoText ? (
                      <>
                        <p className="melding-fout">
                          Alleen in de lokale demo zonder mailserver: de hele e-mail met de persoonlijke link. In
                          productie ziet alleen de geadresseerde deze link.
                        </p>
                        <pre className="mail">{m.demoText}</pre>
                      </>
                    ) : (
                      <pre className="mail">{m.body}</pre>
                    )}
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
