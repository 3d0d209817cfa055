import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Gemeenteportaal', template: '%s · Gemeenteportaal' },
  description: 'Outcome-indicatoren jeugdhulp en Wmo voor gemeenten en aanbieders',
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="nl">
      <body>
        <a className="skiplink" href="#inhoud">
          Naar de inhoud
        </a>
        {children}
      </body>
    </html>
  );
}
