'use client';

import { Link } from '@/components/ui/link';
import { PublicHeader } from '@/components/ui/public-header';

/** An unexpected error: a plain Dutch page without details (those are in the server log), and a way on. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <PublicHeader />
      <main id="inhoud" className="inhoud">
        <h1>Er ging iets mis</h1>
        <p>
          Het portaal kon deze pagina nu niet tonen. Er is niets verloren gegaan; probeer het opnieuw. Blijft het
          misgaan, meld het dan bij de TTP met het tijdstip.
        </p>
        <p>
          <button className="knop" type="button" onClick={() => reset()}>
            Opnieuw proberen
          </button>{' '}
          <Link href="/">Naar uw startpagina</Link>
        </p>
      </main>
    </>
  );
}
