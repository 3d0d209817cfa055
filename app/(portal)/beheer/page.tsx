import type { Metadata } from 'next';
import { StatCards } from '@/components/ui/stat-cards';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { formatNumber } from '@/lib/format';
import { getBeheerStart } from '@/lib/services/start/get-beheer-start';

export const metadata: Metadata = { title: 'Beheer' };

export default async function BeheerStart() {
  const scope = expectScope(await requireScope('beheer:start', 'startpagina beheer'), 'ttp');
  const s = await getBeheerStart(scope);
  const n = (v: number | undefined) => formatNumber(v ?? 0);
  return (
    <>
      <h1>Beheer</h1>
      <p>
        U beheert organisaties, accounts en verwerkersovereenkomsten. Als beheerder ziet u geen gegevens over cliënten.
      </p>
      <StatCards
        label="Overzicht"
        stats={[
          { label: 'Aanbieders', value: n(s.kinds.AANBIEDER) },
          { label: 'Gemeenten', value: n(s.kinds.GEMEENTE) },
          { label: 'Regio’s', value: n(s.kinds.REGIO) },
          {
            label: 'Actieve accounts',
            value: n(s.users),
            note: s.lockedUsers ? `${s.lockedUsers} tijdelijk geblokkeerd` : undefined,
          },
          {
            label: 'Ondertekende overeenkomsten',
            value: n(s.agreementCounts.ONDERTEKEND),
            note: `${n(s.agreementCounts.VERZONDEN)} verzonden, ${n(s.agreementCounts.AANGEVRAAGD)} aangevraagd`,
          },
          { label: 'Niet verzonden e-mail', value: n(s.unsentMail) },
          { label: 'Nieuwe aanmeldingen', value: n(s.newRequests) },
        ]}
      />
    </>
  );
}
