import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { UploadForm } from '@/components/uploads/upload-form';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { env } from '@/lib/env';
import { agreementDomains } from '@/lib/uploads/has-current-agreement';

export const metadata: Metadata = { title: 'Aanleveren' };

export default async function AanleverenPage() {
  const scope = expectScope(await requireScope('upload:create', 'aanleveren'), 'aanbieder');
  const productionDomains = await agreementDomains(scope.aanbiederId);
  return (
    <>
      <h1>Aanleveren</h1>
      <p>
        Lever eerst een testbestand aan: dat wordt binnen een minuut gecontroleerd en komt niet in de cijfers.
        Productiebestanden worden ’s nachts verwerkt. Kies het domein: Jeugd en Wmo worden apart aangeleverd, elk met de
        eigen regels. Het formaat staat op de pagina <Link href="/bestandsformaat">Bestandsformaat</Link>.
      </p>
      <p>
        Uw bestand wordt vóór het versturen in uw browser gecontroleerd op BSN’s; op de server wordt elke regel
        gecontroleerd.
      </p>
      <UploadForm productionDomains={productionDomains} maxMb={env().UPLOAD_MAX_MB} />
    </>
  );
}
