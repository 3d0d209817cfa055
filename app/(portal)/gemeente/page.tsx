import type { Metadata } from 'next';
import { ViewUsageNote } from '@/components/dashboard/view-usage-note';
import { Link } from '@/components/ui/link';
import { StatCards } from '@/components/ui/stat-cards';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { formatNumber } from '@/lib/format';
import { formatShownCount, K_ANONYMITY, PERTURBATION_NOTE } from '@/lib/indicators/disclosure-control';
import { getViewUsage } from '@/lib/services/disclosure/get-view-usage';
import { getGemeenteStart } from '@/lib/services/start/get-gemeente-start';

export const metadata: Metadata = { title: 'Start gemeente' };

export default async function GemeenteStart() {
  const scope = expectScope(await requireScope('gemeente:start', 'startpagina gemeente'), 'gemeente');
  const [s, usage] = await Promise.all([getGemeenteStart(scope), getViewUsage(scope)]);
  return (
    <>
      <h1>{scope.user.organisationName}</h1>
      <p>
        U ziet geaggregeerde cijfers over de jeugdhulp aan inwoners van{' '}
        {scope.gemeenteCodes.length === 1 ? 'uw gemeente' : `de ${scope.gemeenteCodes.length} gemeenten in uw regio`}.
        Cijfers die op minder dan {K_ANONYMITY} cliënten rusten, tonen we niet. {PERTURBATION_NOTE}
      </p>
      <StatCards
        label="Kerncijfers"
        stats={[
          { label: 'Aanbieders met cliënten uit uw gebied', value: formatNumber(s.providers) },
          { label: 'Cliënten in de gegevens', value: formatShownCount(s.clients) },
          {
            label: 'Cliënten met een traject beëindigd in de afgelopen 12 maanden',
            value: formatShownCount(s.endedLastYear),
          },
        ]}
      />
      <p>
        <Link className="knop" href="/dashboard">
          Naar het dashboard met alle outcome-indicatoren
        </Link>
      </p>
      <ViewUsageNote usage={usage} />
    </>
  );
}
