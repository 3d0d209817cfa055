import type { Metadata } from 'next';
import { ActionButton } from '@/components/ui/action-button';
import { Link } from '@/components/ui/link';
import { TableScroll } from '@/components/ui/table-scroll';
import { requireScope } from '@/lib/access/require-scope';
import { ORGANISATION_KIND_LABEL } from '@/lib/access/roles';
import { expectScope } from '@/lib/access/scope';
import { GEMEENTEN } from '@/lib/reference/gemeenten';
import { listOrganisations } from '@/lib/services/organisations/list-organisations';
import { FormMessage } from '../../form-message';
import { createAanbiederAction, createGemeenteAction, createRegioAction, setActiveAction } from './actions';

export const metadata: Metadata = { title: 'Organisaties' };

export default async function OrganisationsPage({
  searchParams,
}: {
  searchParams: Promise<{ melding?: string; fout?: string }>;
}) {
  const scope = expectScope(await requireScope('organisations:manage', 'organisaties'), 'ttp');
  const organisations = await listOrganisations(scope);
  const registered = new Set(organisations.map((o) => o.cbsCode).filter(Boolean));
  const unregistered = GEMEENTEN.filter((g) => !registered.has(g.cbsCode));
  const gemeenten = organisations.filter((o) => o.kind === 'GEMEENTE' && o.active);
  return (
    <>
      <h1>Organisaties</h1>
      <p>
        Aanbieders, gemeenten en regio&apos;s. Deactiveren verwijdert niets: gegevens, uploads en auditlog blijven; de
        accounts van de organisatie kunnen dan niet inloggen.
      </p>
      <FormMessage {...(await searchParams)} />
      <details className="formulier-blok">
        <summary>Aanbieder registreren</summary>
        <form action={createAanbiederAction} className="filters" aria-label="Aanbieder registreren">
          <div className="veld">
            <label htmlFor="name">Naam aanbieder</label>
            <input id="name" name="name" required />
          </div>
          <div className="veld">
            <label htmlFor="agbCode">AGB-code</label>
            <input
              id="agbCode"
              name="agbCode"
              required
              inputMode="numeric"
              pattern="\d{8}"
              maxLength={8}
              aria-describedby="agb-hint"
            />
            <p className="hint" id="agb-hint">
              8 cijfers
            </p>
          </div>
          <div className="veld">
            <label htmlFor="contactEmail">Contact (e-mail)</label>
            <input id="contactEmail" name="contactEmail" type="email" />
          </div>
          <button className="knop" type="submit">
            Registreren
          </button>
        </form>
      </details>
      <details className="formulier-blok">
        <summary>Gemeente registreren</summary>
        <form action={createGemeenteAction} className="filters" aria-label="Gemeente registreren">
          <div className="veld">
            <label htmlFor="cbsCode">Gemeente</label>
            <select id="cbsCode" name="cbsCode" required defaultValue="" aria-describedby="gm-hint">
              <option value="" disabled>
                Kies…
              </option>
              {unregistered.map((g) => (
                <option key={g.cbsCode} value={g.cbsCode}>
                  {g.name} (GM{g.cbsCode})
                </option>
              ))}
            </select>
            <p className="hint" id="gm-hint">
              Uit de landelijke lijst van {GEMEENTEN.length} gemeenten; al geregistreerde gemeenten staan er niet in.
            </p>
          </div>
          <div className="veld">
            <label htmlFor="gm-contactEmail">Contact (e-mail)</label>
            <input id="gm-contactEmail" name="contactEmail" type="email" />
          </div>
          <button className="knop" type="submit">
            Registreren
          </button>
        </form>
      </details>
      <details className="formulier-blok">
        <summary>Regio aanmaken</summary>
        <form action={createRegioAction} className="filters" aria-label="Regio aanmaken">
          <div className="veld">
            <label htmlFor="regio-name">Naam regio</label>
            <input id="regio-name" name="name" required />
          </div>
          <div className="veld">
            <label htmlFor="hostGemeenteId">Centrumgemeente</label>
            <select id="hostGemeenteId" name="hostGemeenteId" required defaultValue="">
              <option value="" disabled>
                Kies…
              </option>
              {gemeenten.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name} (GM{g.cbsCode})
                </option>
              ))}
            </select>
          </div>
          <button className="knop" type="submit">
            Aanmaken
          </button>
        </form>
      </details>
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">Soort</th>
              <th scope="col">Code</th>
              <th scope="col">Contact</th>
              <th scope="col">Accounts</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <td>
                  {o.name}
                  {o.kind === 'REGIO' && (
                    <>
                      {' '}
                      (<Link href={`/beheer/organisaties/regio/${o.id}`}>leden: {o._count.regioMembers}</Link>
                      {o.hostGemeente && `, centrumgemeente ${o.hostGemeente.name}`})
                    </>
                  )}
                </td>
                <td>{ORGANISATION_KIND_LABEL[o.kind]}</td>
                <td>{o.agbCode ? `AGB ${o.agbCode}` : o.cbsCode ? `GM${o.cbsCode}` : '—'}</td>
                <td>{o.contactEmail ?? '—'}</td>
                <td>{o._count.users}</td>
                <td>
                  {o.active ? 'actief' : 'gedeactiveerd'}{' '}
                  {o.kind !== 'TTP' && (
                    <ActionButton
                      action={setActiveAction}
                      fields={{ id: o.id, active: o.active ? 'nee' : 'ja' }}
                      label={o.active ? 'Deactiveren' : 'Activeren'}
                      ariaLabel={`${o.name} ${o.active ? 'deactiveren' : 'activeren'}`}
                      confirm={
                        o.active
                          ? `${o.name} deactiveren? Haar ${o._count.users} account(s) kunnen niet meer inloggen en open sessies eindigen direct. Gegevens blijven bewaard.`
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
    </>
  );
}
