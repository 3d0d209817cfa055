import type { Metadata } from 'next';
import { ReportSummary } from '@/components/reports/report-summary';
import { requireScope } from '@/lib/access/require-scope';
import { AppError } from '@/lib/errors';
import { getFilterOptions } from '@/lib/services/indicators/get-filter-options';
import { getSpiegelrapportage } from '@/lib/services/reports/get-spiegelrapportage';
import { lastCompletePeriod, parsePeriod, recentPeriods } from '@/lib/services/reports/report-period';
import { REPORT_VERSION_LABEL, type ReportVersion, reportVersionsFor } from '@/lib/services/reports/report-target';

export const metadata: Metadata = { title: 'Spiegelrapportage' };

type Search = Promise<{ aanbieder?: string; periode?: string; versie?: string }>;

export default async function SpiegelrapportagePage({ searchParams }: { searchParams: Search }) {
  const search = await searchParams;
  const scope = await requireScope('report:view', `spiegelrapportage ${JSON.stringify(search).slice(0, 200)}`);
  if (scope.kind === 'ttp') throw new Error('TTP-beheer heeft geen toegang tot rapportages');
  const now = new Date();
  const periods = recentPeriods(now);
  const period = parsePeriod(search.periode) ?? lastCompletePeriod('kwartaal', now);
  const providers = scope.kind === 'aanbieder' ? [] : (await getFilterOptions(scope)).aanbieder;
  const agbCode =
    scope.kind === 'aanbieder' ? scope.agbCode : (providers.find((p) => p.value === search.aanbieder)?.value ?? null);
  const versions = reportVersionsFor(scope);
  const version: ReportVersion = versions.includes(search.versie as ReportVersion)
    ? (search.versie as ReportVersion)
    : versions[0];
  const report = agbCode
    ? await getSpiegelrapportage(scope, { agbCode, period, version }, now).catch((err) => {
        if (err instanceof AppError) return err;
        throw err;
      })
    : null;
  const link = (v: ReportVersion, formaat: 'pdf' | 'xlsx') =>
    `/api/spiegelrapportage?${new URLSearchParams({ aanbieder: agbCode ?? '', periode: period.key, versie: v, formaat })}`;
  return (
    <>
      <h1>Spiegelrapportage</h1>
      <p>
        {scope.kind === 'aanbieder'
          ? 'Alle indicatoren van uw organisatie voor een periode, vergeleken met de drie perioden ervoor. De interne versie bevat alle aantallen en is alleen voor uzelf; de deelbare versie schermt kleine aantallen af zoals de dashboards van gemeenten en kunt u delen, bijvoorbeeld voor het kwaliteitsgesprek.'
          : 'De deelbare spiegelrapportage van een aanbieder die uw inwoners helpt, over uw inwoners: kleine aantallen zijn afgeschermd zoals op de dashboards.'}
      </p>
      <form method="get" className="filters" aria-label="Rapportage kiezen">
        {scope.kind !== 'aanbieder' && (
          <div className="veld">
            <label htmlFor="aanbieder">Aanbieder</label>
            <select id="aanbieder" name="aanbieder" defaultValue={agbCode ?? ''} required>
              <option value="" disabled>
                Kies…
              </option>
              {providers.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="veld">
          <label htmlFor="periode">Periode</label>
          <select id="periode" name="periode" defaultValue={period.key}>
            {periods.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        {versions.length > 1 && (
          <div className="veld">
            <label htmlFor="versie">Versie op het scherm</label>
            <select id="versie" name="versie" defaultValue={version}>
              {versions.map((v) => (
                <option key={v} value={v}>
                  {REPORT_VERSION_LABEL[v]}
                </option>
              ))}
            </select>
          </div>
        )}
        <button className="knop" type="submit">
          Tonen
        </button>
      </form>
      {!agbCode && <p>Kies een aanbieder.</p>}
      {report instanceof AppError && (
        <p className="melding melding-fout" role="alert">
          {report.message}
        </p>
      )}
      {report && !(report instanceof AppError) && (
        <>
          <h2>
            {report.aanbieder.name}, {report.period.label} ({REPORT_VERSION_LABEL[report.version]})
          </h2>
          <ul className="downloads">
            {versions.flatMap((v) => [
              <li key={`${v}-pdf`}>
                <a href={link(v, 'pdf')} download>
                  Download {v === 'intern' ? 'interne' : 'deelbare'} versie als PDF
                </a>
              </li>,
              <li key={`${v}-xlsx`}>
                <a href={link(v, 'xlsx')} download>
                  Download {v === 'intern' ? 'interne' : 'deelbare'} versie als Excel
                </a>
              </li>,
            ])}
          </ul>
          <ReportSummary report={report} />
        </>
      )}
    </>
  );
}
