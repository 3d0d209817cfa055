import type { Metadata } from 'next';
import { TableScroll } from '@/components/ui/table-scroll';
import { can } from '@/lib/access/permissions';
import { requireScope } from '@/lib/access/require-scope';
import { formatDate, formatDateTime } from '@/lib/format';
import { END_CHOICE_LABEL } from '@/lib/services/agreements/agreement-lifecycle';
import { getProviderPrivacy } from '@/lib/services/privacy/get-provider-privacy';
import { listSubjectRequests, MAX_TRAJECT_IDS } from '@/lib/services/privacy/subject-requests';
import { FormMessage } from '../../form-message';
import { subjectRequestAction } from './actions';

export const metadata: Metadata = { title: 'Uw gegevens bij de TTP' };

export default async function ProviderDataPage({
  searchParams,
}: {
  searchParams: Promise<{ melding?: string; fout?: string }>;
}) {
  const scope = await requireScope('privacy:view', 'uw gegevens');
  const [info, requests] = await Promise.all([getProviderPrivacy(scope), listSubjectRequests(scope)]);
  const mayRequest = can(scope.user.role, 'privacy:request');
  return (
    <>
      <h1>Uw gegevens bij de TTP</h1>
      <p>
        U bent verwerkingsverantwoordelijke voor de gegevens die u aanlevert; de TTP verwerkt ze in uw opdracht onder de
        verwerkersovereenkomst. Hier ziet u hoe lang ze bewaard worden, wat er gebeurt aan het einde van de
        overeenkomst, en dient u verzoeken over één cliënt in.
      </p>
      <FormMessage {...(await searchParams)} />

      <h2>Bewaartermijnen</h2>
      <ul>
        <li>
          Trajecten: {info.retentionYears} volle kalenderjaren na het jaar van de einddatum; nu bewaard vanaf einddatum{' '}
          {formatDate(info.cutoff)}. Lopende trajecten blijven zolang ze lopen.
        </li>
        <li>Aangeleverde bestanden: {info.uploadRetentionDays} dagen na verwerking (met een BSN: direct).</li>
        <li>
          Einde van de overeenkomst: {info.noticeDays} dagen na het einde verwijdert de TTP al uw gegevens, na uw keuze
          voor verwijderen of eerst teruggeven.
        </li>
      </ul>

      <h2>Einde van de overeenkomst</h2>
      {info.ended.length === 0 ? (
        <p>Uw overeenkomst loopt; er is geen einde vastgelegd.</p>
      ) : (
        <ul>
          {info.ended.map((a) => (
            <li key={a.id} data-testid={`einde-${a.version}`}>
              Versie {a.version}, beëindigd {formatDate(a.endedAt)}; keuze: {END_CHOICE_LABEL[a.endChoice!]}.{' '}
              {a.dataDeletedAt ? (
                <>
                  Verwijderd op {formatDateTime(a.dataDeletedAt)}.{' '}
                  <a href={`/api/overeenkomsten/${a.id}/verwijderverklaring`}>Verklaring van verwijdering (PDF)</a>
                </>
              ) : (
                <>
                  Verwijdering vanaf {formatDate(a.deletionDueOn)}.
                  {a.endChoice === 'TERUGGEVEN' && mayRequest && (
                    <>
                      {' '}
                      <a href="/api/aanbieder/teruggave">Download al uw gegevens (CSV in het aanleverformaat)</a>
                      {a.returnedAt && ` (laatst gedownload ${formatDateTime(a.returnedAt)})`}
                    </>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}

      <h2>Verzoeken over één cliënt</h2>
      <p>
        Vraagt een cliënt u om inzage in of verwijdering van zijn gegevens, dan geeft u hier de trajectnummers van die
        cliënt op (zoals in uw aanleveringen, hoogstens {MAX_TRAJECT_IDS}). De TTP kent geen BSN en geen cliëntnummer:
        alleen uw trajectnummers wijzen de cliënt aan. Verwijderde trajecten komen terug als u ze opnieuw aanlevert;
        haal ze dus ook uit volgende bestanden.
      </p>
      {mayRequest && (
        <form action={subjectRequestAction} className="formulier-blok" aria-label="Verzoek over een cliënt">
          <fieldset>
            <legend>Soort verzoek</legend>
            <label>
              <input type="radio" name="soort" value="INZAGE" required /> Inzage: download wat de TTP bewaart
            </label>
            <label>
              <input type="radio" name="soort" value="VERWIJDERING" /> Verwijdering: verwijder deze trajecten
            </label>
          </fieldset>
          <div className="veld">
            <label htmlFor="trajectnummers">Trajectnummers (één per regel of gescheiden door komma’s)</label>
            <textarea id="trajectnummers" name="trajectnummers" rows={4} required />
          </div>
          <button className="knop" type="submit">
            Verzoek indienen
          </button>
        </form>
      )}
      {requests.length > 0 && (
        <TableScroll>
          <table>
            <caption>Uw verzoeken (ontvangstbewijzen)</caption>
            <thead>
              <tr>
                <th scope="col">Nummer</th>
                <th scope="col">Ontvangen</th>
                <th scope="col">Soort</th>
                <th scope="col">Door</th>
                <th scope="col">Trajectnummers</th>
                <th scope="col">Gevonden</th>
                <th scope="col">Verwijderde records</th>
                <th scope="col">Antwoord</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>{r.number}</td>
                  <td>{formatDateTime(r.requestedAt)}</td>
                  <td>{r.kind === 'INZAGE' ? 'inzage' : 'verwijdering'}</td>
                  <td>{r.requestedBy?.name ?? '—'}</td>
                  <td>{r.trajectIds.join(', ')}</td>
                  <td>{r.foundCount}</td>
                  <td>{r.kind === 'VERWIJDERING' ? r.deletedCount : '—'}</td>
                  <td>
                    {r.kind === 'INZAGE' && mayRequest ? (
                      <a href={`/api/aanbieder/verzoeken/${r.id}/inzage`}>CSV</a>
                    ) : (
                      'afgehandeld'
                    )}
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
