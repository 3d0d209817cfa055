import type { Metadata } from 'next';
import { LoginForm } from '@/components/auth/login-form';
import { OtherHostNotice } from '@/components/auth/other-host-notice';
import { SsoLogin } from '@/components/auth/sso-login';
import { Link } from '@/components/ui/link';
import { ssoMessage } from '@/lib/auth/sso/sso-messages';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Inloggen' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const appOrigin = new URL(env().APP_URL).origin;
  return (
    <>
      <h1>Inloggen</h1>
      <OtherHostNotice appOrigin={appOrigin} />
      {params.uitgelogd !== undefined && <p className="melding melding-ok">U bent uitgelogd.</p>}
      {params.verlopen !== undefined && (
        <p className="melding">Uw sessie is verlopen omdat u een tijd niet actief was. Log opnieuw in.</p>
      )}
      {params.hersteld !== undefined && (
        <p className="melding melding-ok">Uw wachtwoord is gewijzigd. U kunt nu inloggen.</p>
      )}
      {params.beeindigd !== undefined && (
        <p className="melding">
          Uw toegang is beëindigd: uw account of organisatie is niet meer actief, hier of bij de inlogdienst van uw
          organisatie.
        </p>
      )}
      {(params.sso !== undefined || params.error !== undefined) && (
        <p className="melding melding-fout" role="alert">
          {ssoMessage(params.sso)}
        </p>
      )}
      <LoginForm appOrigin={appOrigin} />
      <p>
        <Link href="/wachtwoord-vergeten">Wachtwoord vergeten?</Link>
      </p>
      <p>
        Aanbieder zonder account? <Link href="/aanmelden">Meld uw organisatie aan</Link>.
      </p>
      <SsoLogin />
      <section className="toestemming" aria-labelledby="toestemming-kop">
        <h2 id="toestemming-kop" style={{ fontSize: '1rem', margin: '0 0 0.5rem' }}>
          Voorwaarden voor gebruik
        </h2>
        <p style={{ margin: 0 }}>
          Dit portaal bevat gepseudonimiseerde gegevens over jeugdhulp en maatschappelijke ondersteuning. Door in te
          loggen verklaart u dat u het portaal alleen gebruikt waarvoor uw organisatie u toegang heeft gegeven. Elk
          gebruik wordt vastgelegd. Onbevoegd gebruik of een poging om personen te herleiden is verboden en kan tot
          aangifte leiden.
        </p>
      </section>
    </>
  );
}
