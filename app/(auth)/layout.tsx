export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="kop">
        <div className="kop-binnen">
          <span className="merk">Gemeenteportaal</span>
        </div>
      </header>
      <main id="inhoud" className="aanmelden">
        {children}
      </main>
    </>
  );
}
