import { Link } from '@/components/ui/link';

/** What a "niet gevonden" page says, inside the portal's layout or the public one. */
export function NotFoundText() {
  return (
    <>
      <h1>Niet gevonden</h1>
      <p>Deze pagina bestaat niet, of u heeft er geen toegang toe.</p>
      <p>
        <Link href="/">Naar uw startpagina</Link>
      </p>
    </>
  );
}
