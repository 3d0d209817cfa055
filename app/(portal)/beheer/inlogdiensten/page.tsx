import type { Metadata } from 'next';
import { ActionButton } from '@/components/ui/action-button';
import { TableScroll } from '@/components/ui/table-scroll';
import { requireScope } from '@/lib/access/require-scope';
import { ORGANISATION_KIND_LABEL } from '@/lib/access/roles';
import { expectScope } from '@/lib/access/scope';
import { callbackUrlOf } from '@/lib/auth/sso/sso-providers';
import { env } from '@/lib/env';
import { listOrganisations } from '@/lib/services/organisations/list-organisations';
import { listSsoConnections } from '@/lib/services/sso/list-sso-connections';
import { FormMessage } from '../../form-message';
import { saveSsoAction, setSsoActiveAction } from './actions';

export const metadata: Metadata = { title: 'Inlogdiensten (SSO)' };

export default async function SsoConnectionsPage({
  searchParams,
}: {
  searchParams: Promise<{ melding?: string; fout?: string }>;
}) {
  const scope = expectScope(await requireScope('organisations:manage', 'inlogdiensten'), 'ttp');
  const [connections, organisations] = await Promise.all([listSsoConnections(scope), listOrganisations(scope)]);
  const choosable = organisations.filter((o) => o.active && o.kind !== 'TTP');
  const example = callbackUrlOf(env().APP_URL, '<organisatie-id>');
  return (
    <>
      <h1>Inlogdiensten (SSO)</h1>
      <p>
        Medewerkers van een organisatie met een eigen inlogdienst (OpenID Connect, bijvoorbeeld Microsoft Entra ID)
        loggen daarmee in, zonder wachtwoord en authenticator-app van het portaal. De inlogdienst moet
        tweestapsverificatie (MFA) bevestigen; anders weigert het portaal. Welke rol iemand heeft, blijft bepaald door
        het account dat u hier uitnodigt: alleen een bestaand, actief account van díe organisatie met een e-mailadres in
        een van haar domeinen komt binnen. Wie bij de organisatie wordt uitgeschakeld, verliest binnen{' '}
        {env().SSO_RECHECK_SECONDS} seconden ook hier de toegang.
      </p>
      <FormMessage {...(await searchParams)} />
      <h2>Ingestelde inlogdiensten</h2>
      {connections.length === 0 ? (
        <p>Nog geen organisatie logt in via een eigen inlogdienst.</p>
      ) : (
        <TableScroll>
          <table>
            <caption className="sr-only">Inlogdiensten per organisatie</caption>
            <thead>
              <tr>
                <th scope="col">Organisatie</th>
                <th scope="col">Issuer en client-ID</th>
                <th scope="col">E-maildomeinen</th>
                <th scope="col">Redirect-URI</th>
                <th scope="col">Status</th>
                <th scope="col">Actie</th>
              </tr>
            </thead>
            <tbody>
              {connections.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.organisation.name} ({ORGANISATION_KIND_LABEL[c.organisation.kind]})
                  </td>
                  <td>
                    <code>{c.issuer}</code>
                    <br />
                    <code>{c.clientId}</code>
                  </td>
                  <td>{c.domains.join(', ')}</td>
                  <td>
                    <code>{c.callbackUrl}</code>
                  </td>
                  <td>
                    {c.active
                      ? 'aan'
                      : c.changedBy === scope.user.userId
                        ? 'uit; een tweede beheerder zet haar aan'
                        : 'uit'}
                  </td>
                  <td>
                    {!c.active && c.changedBy === scope.user.userId ? null : (
                      <ActionButton
                        action={setSsoActiveAction}
                        fields={{ id: c.id, active: c.active ? 'nee' : 'ja' }}
                        label={c.active ? 'Uitzetten' : 'Aanzetten'}
                        ariaLabel={`${c.active ? 'Uitzetten' : 'Aanzetten'}: inlogdienst van ${c.organisation.name}`}
                        confirm={
                          c.active
                            ? `Inloggen via de organisatie uitzetten voor ${c.organisation.name}? Open sessies daarvan eindigen direct; medewerkers loggen daarna in met wachtwoord en code.`
                            : undefined
                        }
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>Inlogdienst instellen of wijzigen</h2>
      <p>
        Registreer het portaal bij de inlogdienst van de organisatie (in Entra ID: een app-registratie) met de scopes{' '}
        <code>openid email profile offline_access</code> en de claim <code>email</code> in het ID-token, en vul
        hieronder issuer, client-ID en geheim in. Na opslaan toont de tabel de redirect-URI die u daar invult (
        <code>{example}</code>). Wijzigen beëindigt de open sessies via deze inlogdienst.
      </p>
      <form action={saveSsoAction} className="formulier" aria-label="Inlogdienst instellen">
        <div className="veld">
          <label htmlFor="organisationId">Organisatie</label>
          <select id="organisationId" name="organisationId" required defaultValue="">
            <option value="" disabled>
              Kies…
            </option>
            {choosable.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({ORGANISATION_KIND_LABEL[o.kind]})
              </option>
            ))}
          </select>
        </div>
        <div className="veld">
          <label htmlFor="issuer">Issuer</label>
          <p className="hint" id="issuer-hint">
            Precies zoals in de OpenID-configuratie, bijvoorbeeld
            https://login.microsoftonline.com/&lt;tenant-id&gt;/v2.0
          </p>
          <input id="issuer" name="issuer" type="url" required aria-describedby="issuer-hint" />
        </div>
        <div className="veld">
          <label htmlFor="clientId">Client-ID</label>
          <input id="clientId" name="clientId" required autoComplete="off" />
        </div>
        <div className="veld">
          <label htmlFor="clientSecret">Clientgeheim</label>
          <p className="hint" id="secret-hint">
            Wordt versleuteld bewaard en nooit meer getoond. Leeg laten bij wijzigen houdt het huidige geheim.
          </p>
          <input
            id="clientSecret"
            name="clientSecret"
            type="password"
            autoComplete="new-password"
            aria-describedby="secret-hint"
          />
        </div>
        <div className="veld">
          <label htmlFor="domains">E-maildomeinen</label>
          <p className="hint" id="domains-hint">
            Gescheiden door komma&apos;s, bijvoorbeeld tilburg.nl. Een domein hoort bij één organisatie.
          </p>
          <input id="domains" name="domains" required aria-describedby="domains-hint" />
        </div>
        <button className="knop" type="submit">
          Opslaan
        </button>
      </form>
    </>
  );
}
