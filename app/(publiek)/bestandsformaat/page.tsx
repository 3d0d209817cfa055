import type { Metadata } from 'next';
import { TableScroll } from '@/components/ui/table-scroll';
import type { CodeList } from '@/lib/cbs/code-lists';
import {
  DOMEIN_COLUMN,
  FIELDS,
  FIXED_WIDTH_LENGTH,
  FIXED_WIDTH_OFFSETS,
  type FieldDef,
  LAYOUT_VERSION,
} from '@/lib/cbs/layout';
import { EXAMPLE_AGB_PLACEHOLDER } from '@/lib/cbs/write-files';

export const metadata: Metadata = { title: 'Bestandsformaat' };

/** What differs for Wmo in one field, or "als Jeugd". */
function WmoRule({ field }: { field: FieldDef }) {
  const { wmo } = field;
  if (!wmo) return 'als Jeugd';
  return (
    <>
      {wmo.requirement && <strong>{wmo.requirement}: </strong>}
      {wmo.description}
      {wmo.codes && <Codes codes={wmo.codes} />}
    </>
  );
}

function Codes({ codes }: { codes: CodeList }) {
  return (
    <ul style={{ margin: '0.25rem 0 0', paddingLeft: '1.2rem' }}>
      {Object.entries(codes).map(([code, label]) => (
        <li key={code}>
          <code>{code}</code> {label}
        </li>
      ))}
    </ul>
  );
}

// Generated from the same layout definition the parser reads (lib/cbs/layout.ts).
export default function FormatPage() {
  return (
    <>
      <h1>Bestandsformaat, versie {LAYOUT_VERSION}</h1>
      <p>
        Eén record per jeugdige per hulpvorm (één jeugdhulptraject), in de structuur van de CBS Beleidsinformatie Jeugd,
        met de eindmeting van de outcome-indicatoren. Heeft een traject een meting van de jeugdige én van een ouder, dan
        staat er één record per respondent. De sleutel is AGB-code + trajectnummer + respondent: een later bestand
        vervangt een record met dezelfde sleutel.
      </p>
      <h2>Jeugd en Wmo</h2>
      <p>
        Hetzelfde formaat dient voor jeugdhulp (Jeugdwet) en maatschappelijke ondersteuning (Wmo). U kiest bij elke
        aanlevering het domein; elke regel wordt dan met de regels van dat domein gecontroleerd. Voor Wmo geldt: geen
        hulpvorm (die lijst is van het CBS voor jeugdhulp), wel de iWmo-productcategorie (verplicht), geen afname
        problematiek, en als respondent de cliënt of een vertegenwoordiger. De kolom Wmo hieronder zegt per veld wat
        anders is. Lever Jeugd en Wmo in aparte bestanden aan; de sleutel is per domein, dus een trajectnummer mag in
        beide voorkomen. Een CSV- of Excelbestand mag een kolom <code>{DOMEIN_COLUMN.key}</code> hebben (
        {DOMEIN_COLUMN.description}).
      </p>
      <h2>Drie formaten</h2>
      <ul>
        <li>
          <strong>CSV</strong>: scheidingsteken <code>;</code> of <code>,</code>, een kopregel met de veldnamen
          hieronder, velden eventueel tussen dubbele aanhalingstekens. UTF-8 (met of zonder BOM) of Windows-1252.
        </li>
        <li>
          <strong>Vaste breedte (ASCII)</strong>: geen kopregel; elke regel is {FIXED_WIDTH_LENGTH} tekens, velden links
          uitgelijnd en met spaties aangevuld, in de volgorde hieronder.
        </li>
        <li>
          <strong>Excel (.xlsx)</strong>: het eerste werkblad, met een kopregel met de veldnamen.
        </li>
      </ul>
      <p>
        Voorbeeldbestanden:{' '}
        <a href="/bestandsformaat/voorbeeld/csv" download>
          CSV
        </a>{' '}
        ·{' '}
        <a href="/bestandsformaat/voorbeeld/txt" download>
          vaste breedte
        </a>{' '}
        ·{' '}
        <a href="/bestandsformaat/voorbeeld/xlsx" download>
          Excel
        </a>
        ; voor Wmo:{' '}
        <a href="/bestandsformaat/voorbeeld/csv?domein=wmo" download>
          CSV
        </a>{' '}
        ·{' '}
        <a href="/bestandsformaat/voorbeeld/txt?domein=wmo" download>
          vaste breedte
        </a>{' '}
        ·{' '}
        <a href="/bestandsformaat/voorbeeld/xlsx?domein=wmo" download>
          Excel
        </a>
        . Bent u ingelogd als aanbieder, dan staat uw eigen AGB-code erin en kunt u het voorbeeld meteen als testbestand
        aanleveren; anders staat er {EXAMPLE_AGB_PLACEHOLDER}: vervang die door de AGB-code van uw organisatie, anders
        wordt elke regel afgekeurd.
      </p>
      <p className="melding">
        Lever nooit een BSN aan. Een cliëntnummer van 9 cijfers dat de 11-proef doorstaat, wordt geweigerd.
      </p>
      <h2>Velden</h2>
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">Veldnaam</th>
              <th scope="col">Omschrijving</th>
              <th scope="col">Positie</th>
              <th scope="col">Lengte</th>
              <th scope="col">Vulling</th>
              <th scope="col">Toelichting en codes</th>
              <th scope="col">Wmo</th>
            </tr>
          </thead>
          <tbody>
            {FIELDS.map((f) => (
              <tr key={f.key}>
                <td>
                  <code>{f.key}</code>
                </td>
                <td>{f.label}</td>
                <td>{FIXED_WIDTH_OFFSETS[f.key] + 1}</td>
                <td>{f.width}</td>
                <td>{f.requirement}</td>
                <td>
                  {f.description}
                  {'codes' in f && f.codes && <Codes codes={f.codes} />}
                </td>
                <td>
                  <WmoRule field={f} />
                </td>
              </tr>
            ))}
            <tr>
              <td>
                <code>{DOMEIN_COLUMN.key}</code>
              </td>
              <td>{DOMEIN_COLUMN.label}</td>
              <td>—</td>
              <td>—</td>
              <td>optioneel</td>
              <td>{DOMEIN_COLUMN.description}; niet in vaste breedte</td>
              <td>wmo of W</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
