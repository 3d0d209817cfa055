import type { Metadata } from 'next';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { ORGANISATION_KIND_LABEL } from '@/lib/access/roles';
import { listOrganisations } from '@/lib/services/organisations/list-organisations';
import { createAanbiederAction, setActiveAction } from './actions';

export const metadata: Metadata = { title: 'Organisaties' };

export default async function OrganisationsPage({ searchParams }: { searchParams: Promise<{ melding?: string; fout?: string }> }) {
  const scope = expectScope(await requireScope('organisations:manage', 'organisaties'), 'ttp');
  const organisations = await listOrganisations(scope);
  const { melding, fout } = await searchParams;
  return (
    <>
      <h1>Organisaties</h1>
      <p>Aanbieders, gemeenten en regio&apos;s. Deactiveren verwijdert niets: gegevens, uploads en auditlog blijven; de accounts van de organisatie kunnen dan niet inloggen.</p>
      {melding && <p className="melding melding-ok" role="status">{melding}</p>}
      {fout && <p className="melding melding-fout" role="alert">{fout}</p>}
      <form action={createAanbiederAction} className="filters" aria-label="Aanbieder registreren">
        <div className="veld"><label htmlFor="name">Naam aanbieder</label><input id="name" name="name" required /></div>
        <div className="veld">
          <label htmlFor="agbCode">AGB-code</label>
          <input id="agbCode" name="agbCode" required inputMode="numeric" pattern="\d{8}" maxLength={8} aria-describedby="agb-hint" />
          <p className="hint" id="agb-hint">8 cijfers</p>
        </div>
        <div className="veld"><label htmlFor="contactEmail">Contact (e-mail)</label><input id="contactEmail" name="contactEmail" type="email" /></div>
        <button className="knop" type="submit">Registreren</button>
      </form>
      <div className="tabel-scroll">
        <table>
          <thead>
            <tr><th scope="col">Naam</th><th scope="col">Soort</th><th scope="col">Code</th><th scope="col">Contact</th><th scope="col">Accounts</th><th scope="col">Status</th></tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td><td>{ORGANISATION_KIND_LABEL[o.kind]}</td>
                <td>{o.agbCode ? `AGB ${o.agbCode}` : o.cbsCode ? `GM${o.cbsCode}` : '—'}</td>
                <td>{o.contactEmail ?? '—'}</td><td>{o._count.users}</td>
                <td>
                  {o.active ? 'actief' : 'gedeactiveerd'}{' '}
                  {o.kind !== 'TTP' && (
                    <form action={setActiveAction} className="inline">
                      <input type="hidden" name="id" value={o.id} />
                      <input type="hidden" name="active" value={o.active ? 'nee' : 'ja'} />
                      <button className="knop knop-licht" type="submit">{o.active ? 'Deactiveren' : 'Activeren'}</button>
                    </form>
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
