import type { Metadata } from 'next';
import { connection } from 'next/server';
import './globals.css';
import './charts.css';
import './print.css';

export const metadata: Metadata = {
  title: { default: 'Gemeenteportaal', template: '%s · Gemeenteportaal' },
  description: 'Outcome-indicatoren jeugdhulp en Wmo voor gemeenten en aanbieders',
  robots: { index: false, follow: false },
};

/** Rendered per request: each response's scripts carry that response's CSP nonce (proxy.ts). */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
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
