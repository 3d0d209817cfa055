import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="inhoud" className="aanmelden">
      <h1>Niet gevonden</h1>
      <p>Deze pagina bestaat niet, of u heeft er geen toegang toe.</p>
      <p>
        <Link href="/">Naar uw startpagina</Link>
      </p>
    </main>
  );
}
