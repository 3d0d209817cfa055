import type { Metadata } from 'next';
import { AanmeldForm } from '@/components/onboarding/aanmeld-form';
import { Link } from '@/components/ui/link';

export const metadata: Metadata = { title: 'Aanmelden als aanbieder' };

export default function AanmeldenPage() {
  return (
    <>
      <h1>Aanmelden als aanbieder</h1>
      <p>
        Levert uw organisatie jeugdhulp of Wmo-ondersteuning en wilt u outcome-gegevens aanleveren? Vul dit formulier in
        (5–10 minuten). Daarna stuurt de TTP u de verwerkersovereenkomst. Is die ondertekend terug, dan krijgen de
        accounts een e-mail om een wachtwoord te kiezen, en levert u eerst een testbestand aan. Hoe het bestand
        eruitziet staat bij het <Link href="/bestandsformaat">bestandsformaat</Link>.
      </p>
      <AanmeldForm />
      <p>
        Heeft u al een account? <Link href="/inloggen">Inloggen</Link>
      </p>
    </>
  );
}
