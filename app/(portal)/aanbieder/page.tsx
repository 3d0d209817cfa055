import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { StatCards } from '@/components/ui/stat-cards';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { listNotifications } from '@/lib/services/notifications/list-notifications';
import { getAanbiederStart } from '@/lib/services/start/get-aanbieder-start';

export const metadata: Metadata = { title: 'Start aanbieder' };

const AGREEMENT_TEXT = {
  AANGEVRAAGD: 'aangevraagd: de TTP stuurt u de verwerkersovereenkomst',
  VERZONDEN: 'verzonden: stuur de ondertekende overeenkomst terug aan de TTP',
  ONDERTEKEND: 'ondertekend',
  BEEINDIGD: 'beëindigd',
  VERLOPEN: 'verlopen',
} as const;

export default async function AanbiederStart() {
  const scope = expectScope(await requireScope('aanbieder:start', 'startpagina aanbieder'), 'aanbieder');
  const [s, notifications] = await Promise.all([getAanbiederStart(scope), listNotifications(scope)]);
  const signed = s.agreement?.status === 'ONDERTEKEND';
  return (
    <>
      <h1>{scope.user.organisationName}</h1>
      <p>AGB-code {scope.agbCode}. Hier ziet u uw eigen gegevens, zonder afscherming van kleine aantallen.</p>
      <p className={signed ? 'melding melding-ok' : 'melding'} data-testid="overeenkomst">
        Verwerkersovereenkomst:{' '}
        {s.agreement
          ? `${AGREEMENT_TEXT[s.agreement.status]} (versie ${s.agreement.version}${signed ? `, geldig tot ${formatDate(s.agreement.validUntil)}` : ''})`
          : 'nog niet aangevraagd. Neem contact op met de TTP.'}
        {!signed && ' Zonder ondertekende overeenkomst kunt u alleen testbestanden aanleveren.'}
      </p>
      {notifications.length > 0 && (
        <section aria-labelledby="meldingen-kop">
          <h2 id="meldingen-kop">Meldingen</h2>
          <ul data-testid="meldingen">
            {notifications.map((n) => (
              <li key={n.id}>
                {formatDateTime(n.createdAt)}: {n.link ? <Link href={n.link}>{n.text}</Link> : n.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>Uw aanlevering</h2>
      <StatCards
        label="Kerncijfers van uw aanlevering"
        stats={[
          { label: 'Trajectrecords', value: formatNumber(s.trajectories) },
          { label: 'Cliënten', value: formatNumber(s.clients) },
          { label: 'Beëindigde trajectrecords', value: formatNumber(s.ended) },
          { label: 'Laatste einddatum', value: formatDate(s.lastEnd) },
          { label: 'Uploads', value: formatNumber(s.uploads) },
        ]}
      />
      <p>
        <Link className="knop" href="/dashboard">
          Uw uitkomsten op het dashboard
        </Link>{' '}
        (uw eigen cijfers, exact en zonder afscherming)
      </p>
    </>
  );
}
