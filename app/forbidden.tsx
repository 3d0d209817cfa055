import { Link } from '@/components/ui/link';

export default function Forbidden() {
  return (
    <main id="inhoud" className="aanmelden">
      <h1>Geen toegang</h1>
      <p>U heeft geen toegang tot deze pagina. Deze poging is vastgelegd.</p>
      <p>
        <Link href="/">Naar uw startpagina</Link>
      </p>
    </main>
  );
}
