import Link from 'next/link';

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="kop">
        <div className="kop-binnen">
          <Link className="merk" href="/">
            Gemeenteportaal
          </Link>
        </div>
      </header>
      <main id="inhoud" className="inhoud">
        {children}
      </main>
    </>
  );
}
