import { Link } from '@/components/ui/link';

/** The site header of pages outside the portal (public pages, "niet gevonden", errors): the name, home. */
export function PublicHeader() {
  return (
    <header className="kop">
      <div className="kop-binnen">
        <Link className="merk" href="/">
          Gemeenteportaal
        </Link>
      </div>
    </header>
  );
}
