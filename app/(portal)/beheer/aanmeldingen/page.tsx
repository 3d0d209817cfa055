import type { Metadata } from 'next';
import { ActionButton } from '@/components/ui/action-button';
import { TableScroll } from '@/components/ui/table-scroll';
import { requireScope } from '@/lib/access/require-scope';
import { ROLES } from '@/lib/access/roles';
import { expectScope } from '@/lib/access/scope';
import { formatDateTime } from '@/lib/format';
import { listAccessRequests } from '@/lib/services/access-requests/list-access-requests';
import { FormMessage } from '../../form-message';
import { handleRequestAction } from './actions';

export const metadata: Metadata = { title: 'Aanmeldingen' };

const STATUS = { NIEUW: 'nieuw', GEACCEPTEERD: 'geaccepteerd', AFGEWEZEN: 'afgewezen' } as const;

export default async function AccessRequestsPage({
  searchParams,
}: {
  searchParams: Promise<{ melding?: string; fout?: string }>;
}) {
  const scope = expectScope(await requireScope('organisations:manage', 'aanmeldingen'), 'ttp');
  const { open, handled } = await listAccessRequests(scope);
  const defaultVersion = `${new Date().getFullYear()}-1`;
  return (
    <>
      <h1>Aanmeldingen</h1>
      <p>
        Aanvragen van aanbieders via het openbare formulier op <code>/aanmelden</code>. Accepteren registreert de
        aanbieder en start de verwerkersovereenkomst; de gevraagde accounts krijgen hun uitnodiging zodra de
        ondertekende overeenkomst is vastgelegd.
      </p>
      <FormMessage {...(await searchParams)} />
      <h2>Te behandelen ({open.length})</h2>
      {open.length === 0 && <p>Geen nieuwe aanmeldingen.</p>}
      {open.map((r) => (
        <section key={r.id} className="kaart-aanmelding" aria-labelledby={`aanmelding-${r.id}`}>
          <h3 id={`aanmelding-${r.id}`}>
            {r.organisationName}{' '}
            <span className="hint">
              AGB {r.agbCode}, ontvangen {formatDateTime(r.createdAt)}
            </span>
          </h3>
          {r.existingName && (
            <p className="melding">
              Deze AGB-code is al geregistreerd als <strong>{r.existingName}</strong>: accepteren koppelt de aanmelding
              daaraan.
            </p>
          )}
          <p>
            Contact: {r.contactName}, {r.contactEmail}
            {r.contactPhone && `, ${r.contactPhone}`}
          </p>
          <p>Accounts:</p>
          <ul>
            {r.accounts.map((a) => (
              <li key={a.email}>
                {a.name} ({a.email}), {ROLES[a.role].label}
              </li>
            ))}
          </ul>
          {r.note && <p>Toelichting: {r.note}</p>}
          <form
            action={handleRequestAction}
            className="filters"
            aria-label={`Aanmelding ${r.organisationName} accepteren`}
          >
            <input type="hidden" name="id" value={r.id} />
            <input type="hidden" name="decision" value="accepteren" />
            <div className="veld">
              <label htmlFor={`version-${r.id}`}>Versie verwerkersovereenkomst</label>
              <input id={`version-${r.id}`} name="version" required maxLength={40} defaultValue={defaultVersion} />
            </div>
            <button className="knop" type="submit">
              Accepteren
            </button>
          </form>
          <ActionButton
            action={handleRequestAction}
            fields={{ id: r.id, decision: 'afwijzen' }}
            label="Afwijzen"
            formLabel={`Aanmelding ${r.organisationName} afwijzen`}
            confirm={`De aanmelding van ${r.organisationName} afwijzen? Dit kan niet ongedaan worden gemaakt; de aanbieder kan zich opnieuw aanmelden.`}
          />
        </section>
      ))}
      <h2>Afgehandeld</h2>
      {handled.length === 0 ? (
        <p>Nog niets afgehandeld.</p>
      ) : (
        <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">Organisatie</th>
                <th scope="col">AGB</th>
                <th scope="col">Status</th>
                <th scope="col">Afgehandeld</th>
                <th scope="col">Accounts uitgenodigd</th>
              </tr>
            </thead>
            <tbody>
              {handled.map((r) => (
                <tr key={r.id}>
                  <td>{r.organisation?.name ?? r.organisationName}</td>
                  <td>{r.agbCode}</td>
                  <td>{STATUS[r.status]}</td>
                  <td>{formatDateTime(r.handledAt)}</td>
                  <td>
                    {r.invitedAt ? formatDateTime(r.invitedAt) : r.status === 'GEACCEPTEERD' ? 'na ondertekening' : '—'}
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
