import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/components/ui/action-button';
import { Link } from '@/components/ui/link';
import { TableScroll } from '@/components/ui/table-scroll';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { getRegio } from '@/lib/services/organisations/get-regio';
import { FormMessage } from '../../../../form-message';
import { changeRegioAction } from '../../actions';

export const metadata: Metadata = { title: 'Regio' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ melding?: string; fout?: string }> };

export default async function RegioPage({ params, searchParams }: Props) {
  const { id } = await params;
  const scope = expectScope(await requireScope('organisations:manage', `regio ${id}`), 'ttp');
  const regio = await getRegio(scope, id);
  if (!regio) notFound();
  return (
    <>
      <p>
        <Link href="/beheer/organisaties">← Organisaties</Link>
      </p>
      <h1>{regio.name}</h1>
      <p>
        De accounts van de regio zien de cijfers van alle leden samen. Een wijziging geldt direct, ook voor wie al is
        ingelogd.
      </p>
      <FormMessage {...(await searchParams)} />
      <h2>Leden ({regio.members.length})</h2>
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">Gemeente</th>
              <th scope="col">Code</th>
              <th scope="col">Rol</th>
              <th scope="col">
                <span className="sr-only">Acties</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {regio.members.map((g) => {
              const host = g.id === regio.hostGemeenteId;
              return (
                <tr key={g.id}>
                  <td>{g.name}</td>
                  <td>GM{g.cbsCode}</td>
                  <td>{host ? 'centrumgemeente' : 'lid'}</td>
                  <td>
                    {!host && (
                      <>
                        <ActionButton
                          action={changeRegioAction}
                          fields={{ regioId: regio.id, gemeenteId: g.id, change: 'centrumgemeente' }}
                          label="Centrumgemeente maken"
                          ariaLabel={`${g.name} centrumgemeente maken`}
                        />{' '}
                        <ActionButton
                          action={changeRegioAction}
                          fields={{ regioId: regio.id, gemeenteId: g.id, change: 'lid-verwijderen' }}
                          label="Uit de regio"
                          ariaLabel={`${g.name} uit de regio halen`}
                          confirm={`${g.name} uit de regio halen? De regio ziet dan geen cijfers van haar inwoners meer.`}
                        />
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <h2>Gemeente toevoegen</h2>
      {regio.candidates.length === 0 ? (
        <p>Alle geregistreerde gemeenten zijn lid. Registreer eerst een gemeente onder Organisaties.</p>
      ) : (
        <form action={changeRegioAction} className="filters" aria-label="Gemeente toevoegen">
          <input type="hidden" name="regioId" value={regio.id} />
          <input type="hidden" name="change" value="lid-toevoegen" />
          <div className="veld">
            <label htmlFor="gemeenteId">Gemeente</label>
            <select id="gemeenteId" name="gemeenteId" required defaultValue="">
              <option value="" disabled>
                Kies…
              </option>
              {regio.candidates.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name} (GM{g.cbsCode})
                </option>
              ))}
            </select>
          </div>
          <button className="knop" type="submit">
            Toevoegen
          </button>
        </form>
      )}
    </>
  );
}
