import type { Metadata } from 'next';
import { ENDPOINTS } from '@/lib/api-docs/openapi';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'API-documentatie' };
// The examples carry this installation's address (APP_URL), read when served, not when built.
export const dynamic = 'force-dynamic';

// For the technical staff of providers and municipalities: every endpoint with a curl example, from
// the same description as /api/v1/openapi.json (lib/api-docs/openapi.ts).
export default function ApiDocsPage() {
  const base = env().APP_URL;
  return (
    <>
      <h1>API-documentatie</h1>
      <p>
        Twee dingen kunnen zonder browser: een gemeente of regio leest de cijfers van haar dashboard in haar BI-pakket,
        en een aanbieder levert bestanden aan vanuit zijn eigen systeem of een gepland script. Beide met een token die
        de organisatie zelf uitgeeft onder <strong>API-tokens</strong> in haar menu; een token hoort bij één organisatie
        en opent alleen de eigen soort aanroepen. De volledige beschrijving (OpenAPI 3.1) staat op{' '}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      {ENDPOINTS.map((e) => (
        <section key={`${e.method} ${e.path}`} aria-label={`${e.method.toUpperCase()} ${e.path}`}>
          <h2>
            <code>
              {e.method.toUpperCase()} {e.path}
            </code>
          </h2>
          <p>{e.summary}</p>
          <p>Voor: {e.who}.</p>
          <pre className="codeblok">
            <code>{e.curl(base)}</code>
          </pre>
        </section>
      ))}
      <h2>Een maandelijkse aanlevering als script</h2>
      <pre className="codeblok">
        <code>{`# 1. testbestand, 2. verslag lezen, 3. productiebestand
ID=$(curl -s -X POST -H "Authorization: Bearer $GP_TOKEN" --data-binary @trajecten.csv \\
  "${base}/api/v1/aanleveringen?soort=test&bestandsnaam=trajecten.csv" | jq -r .id)
curl -s -H "Authorization: Bearer $GP_TOKEN" "${base}/api/v1/aanleveringen/$ID" | jq '.status, .rejectedCount'
curl -s -X POST -H "Authorization: Bearer $GP_TOKEN" --data-binary @trajecten.csv \\
  "${base}/api/v1/aanleveringen?soort=productie&bestandsnaam=trajecten.csv"`}</code>
      </pre>
      <p>
        Foutmeldingen zijn JSON <code>{'{ "fout": "…", "code": "…" }'}</code>: 400 onjuiste aanroep of te groot bestand,
        401 geen geldige token, 404 onbekend, 409 productie zonder geldige verwerkersovereenkomst, 429 te veel
        aanleveringen met één token binnen een uur. Een productiebestand wordt in de nacht verwerkt; het verslag per
        regel is hetzelfde als op de pagina van de aanlevering in het portaal.
      </p>
    </>
  );
}
