import type { Metadata } from 'next';
import { ActionButton } from '@/components/ui/action-button';
import { TableScroll } from '@/components/ui/table-scroll';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { DOMEIN_LABEL } from '@/lib/cbs/layout';
import { env } from '@/lib/env';
import { formatDate } from '@/lib/format';
import {
  AGREEMENT_STATUS_LABEL,
  END_CHOICE_LABEL,
  mayTakeStep,
  needsEndChoice,
} from '@/lib/services/agreements/agreement-lifecycle';
import { listAgreements } from '@/lib/services/agreements/list-agreements';
import { FormMessage } from '../../form-message';
import { changeAgreementAction, requestAgreementAction } from './actions';

export const metadata: Metadata = { title: 'Verwerkersovereenkomsten' };

const d = formatDate;

export default async function AgreementsPage({
  searchParams,
}: {
  searchParams: Promise<{ melding?: string; fout?: string }>;
}) {
  const scope = expectScope(await requireScope('agreements:manage', 'verwerkersovereenkomsten'), 'ttp');
  const aanbieders = await listAgreements(scope);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <h1>Verwerkersovereenkomsten</h1>
      <p>
        Per aanbieder: aangevraagd → verzonden → ondertekend → beëindigd (of verlopen na de einddatum). Alleen onder een
        ondertekende, geldige overeenkomst accepteert het portaal productiebestanden. De ondertekende PDF wordt
        versleuteld bewaard (hoogstens {env().AGREEMENT_PDF_MAX_MB} MB).
      </p>
      <FormMessage {...(await searchParams)} />
      <details className="formulier-blok">
        <summary>Overeenkomst starten</summary>
        <form action={requestAgreementAction} className="filters" aria-label="Overeenkomst starten">
          <div className="veld">
            <label htmlFor="aanbiederId">Aanbieder</label>
            <select id="aanbiederId" name="aanbiederId" required defaultValue="">
              <option value="" disabled>
                Kies…
              </option>
              {aanbieders
                .filter((a) => a.active)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} (AGB {a.agbCode})
                  </option>
                ))}
            </select>
          </div>
          <div className="veld">
            <label htmlFor="version">Versie</label>
            <input id="version" name="version" required maxLength={40} placeholder="bijv. 2026-1" />
          </div>
          <fieldset className="keuze">
            <legend>Domeinen</legend>
            <label>
              <input type="checkbox" name="jeugd" value="ja" defaultChecked /> Jeugd
            </label>
            <label>
              <input type="checkbox" name="wmo" value="ja" /> Wmo
            </label>
          </fieldset>
          <button className="knop" type="submit">
            Starten
          </button>
        </form>
      </details>
      {aanbieders.map((a) => (
        <section key={a.id} aria-labelledby={`aanbieder-${a.id}`} className="blok-overeenkomst">
          <h2 id={`aanbieder-${a.id}`}>
            {a.name}{' '}
            <span className="hint">
              AGB {a.agbCode}
              {a.active ? '' : ', gedeactiveerd'}
            </span>
          </h2>
          {a.agreements.length === 0 ? (
            <p>Nog geen overeenkomst (volwassenheidsniveau 1).</p>
          ) : (
            <TableScroll>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Versie</th>
                    <th scope="col">Domeinen</th>
                    <th scope="col">Status</th>
                    <th scope="col">Aangevraagd</th>
                    <th scope="col">Verzonden</th>
                    <th scope="col">Ondertekend</th>
                    <th scope="col">Geldig</th>
                    <th scope="col">Ondertekenaar</th>
                    <th scope="col">Gegevens na einde</th>
                    <th scope="col">Acties</th>
                  </tr>
                </thead>
                <tbody>
                  {a.agreements.map((g) => (
                    <tr key={g.id} data-testid={`overeenkomst-${a.agbCode}-${g.version}`}>
                      <td>{g.version}</td>
                      <td>{g.domeinen.map((x) => DOMEIN_LABEL[x]).join(', ')}</td>
                      <td>{AGREEMENT_STATUS_LABEL[g.status]}</td>
                      <td>{d(g.requestedAt)}</td>
                      <td>{d(g.sentAt)}</td>
                      <td>{d(g.signedAt)}</td>
                      <td>
                        {g.validFrom ? `${d(g.validFrom)} – ${g.validUntil ? d(g.validUntil) : 'onbepaald'}` : '—'}
                        {g.endedAt && ` (einde ${d(g.endedAt)})`}
                      </td>
                      <td>{[g.signatoryName, g.signatoryRole].filter(Boolean).join(', ') || '—'}</td>
                      <td>
                        {g.endChoice ? (
                          <>
                            {END_CHOICE_LABEL[g.endChoice]};{' '}
                            {g.dataDeletedAt ? (
                              <>
                                verwijderd {d(g.dataDeletedAt)} (
                                <a href={`/api/overeenkomsten/${g.id}/verwijderverklaring`}>verklaring</a>)
                              </>
                            ) : (
                              `verwijderen vanaf ${d(g.deletionDueOn)}`
                            )}
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>
                        {g.documentSha256 && <a href={`/api/beheer/overeenkomsten/${g.id}/document`}>PDF</a>}{' '}
                        {mayTakeStep(g.status, 'verzenden') && (
                          <ActionButton
                            action={changeAgreementAction}
                            fields={{ id: g.id, step: 'verzenden' }}
                            label="Verzonden"
                          />
                        )}{' '}
                        {mayTakeStep(g.status, 'beeindigen') && needsEndChoice(g.status) && (
                          <EndAgreementForm id={g.id} name={`${a.name}, versie ${g.version}`} />
                        )}
                        {mayTakeStep(g.status, 'beeindigen') && !needsEndChoice(g.status) && (
                          <ActionButton
                            action={changeAgreementAction}
                            fields={{ id: g.id, step: 'beeindigen' }}
                            label="Intrekken"
                            ariaLabel={`Overeenkomst ${a.name}, versie ${g.version} intrekken`}
                            confirm={`Overeenkomst versie ${g.version} van ${a.name} intrekken? Dit kan niet ongedaan worden gemaakt.`}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {a.agreements
            .filter((g) => mayTakeStep(g.status, 'ondertekend'))
            .map((g) => (
              <form
                key={g.id}
                method="post"
                action={`/api/beheer/overeenkomsten/${g.id}/ondertekend`}
                encType="multipart/form-data"
                className="filters"
                aria-label={`Ondertekende overeenkomst ${a.name} vastleggen`}
              >
                <div className="veld">
                  <label htmlFor={`signedAt-${g.id}`}>Ondertekend op</label>
                  <input id={`signedAt-${g.id}`} name="signedAt" type="date" required max={today} />
                </div>
                <div className="veld">
                  <label htmlFor={`validFrom-${g.id}`}>Geldig vanaf</label>
                  <input id={`validFrom-${g.id}`} name="validFrom" type="date" required />
                </div>
                <div className="veld">
                  <label htmlFor={`validUntil-${g.id}`}>Geldig tot en met (leeg: onbepaald)</label>
                  <input id={`validUntil-${g.id}`} name="validUntil" type="date" />
                </div>
                <div className="veld">
                  <label htmlFor={`signatoryName-${g.id}`}>Ondertekenaar</label>
                  <input id={`signatoryName-${g.id}`} name="signatoryName" required maxLength={120} />
                </div>
                <div className="veld">
                  <label htmlFor={`signatoryRole-${g.id}`}>Functie ondertekenaar</label>
                  <input id={`signatoryRole-${g.id}`} name="signatoryRole" required maxLength={120} />
                </div>
                <div className="veld">
                  <label htmlFor={`pdf-${g.id}`}>Ondertekende PDF</label>
                  <input id={`pdf-${g.id}`} name="pdf" type="file" accept="application/pdf,.pdf" required />
                </div>
                <button className="knop" type="submit">
                  Ondertekend vastleggen
                </button>
              </form>
            ))}
        </section>
      ))}
    </>
  );
}

/** Ending a signed or expired agreement: the provider's choice and a confirmation, both required. */
function EndAgreementForm({ id, name }: { id: string; name: string }) {
  return (
    <details className="inline">
      <summary className="knop knop-licht">Beëindigen…</summary>
      <form action={changeAgreementAction} aria-label={`Overeenkomst ${name} beëindigen`}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="step" value="beeindigen" />
        <fieldset>
          <legend>Wat gebeurt er met de gegevens van de aanbieder?</legend>
          <label>
            <input type="radio" name="keuze" value="VERWIJDEREN" required /> Verwijderen
          </label>
          <label>
            <input type="radio" name="keuze" value="TERUGGEVEN" /> Teruggeven (download voor de aanbieder), daarna
            verwijderen
          </label>
        </fieldset>
        <p className="hint">
          Na {env().AGREEMENT_DELETION_NOTICE_DAYS} dagen verwijdert de nachtelijke verwerking alle trajecten,
          aanleveringen en bestanden van deze aanbieder; de aanbieder krijgt een ondertekende verklaring.
        </p>
        <label>
          <input type="checkbox" name="bevestigd" value="ja" required /> Ik bevestig de keuze van de aanbieder; dit kan
          niet ongedaan worden gemaakt.
        </label>{' '}
        <button className="knop" type="submit">
          Beëindigen
        </button>
      </form>
    </details>
  );
}
