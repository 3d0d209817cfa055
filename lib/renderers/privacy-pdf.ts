import { keyFingerprint } from '@/lib/crypto/statement-signature';
import type { DeletionStatement } from '@/lib/services/privacy/deletion-statement';
import { WHAT_STAYS } from '@/lib/services/privacy/deletion-statement';
import type { ProcessingRegister } from '@/lib/services/privacy/processing-register';
import { finishPdf, newPdf } from './pdf-writer';

// The TTP's documents for privacy officers (docs/privacy.md): the signed deletion statement and the
// register of processing activities, both plain A4 text with a title and language.

const when = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(
    new Date(iso),
  );
const day = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(iso))
    : '—';

export async function deletionStatementPdf(s: DeletionStatement): Promise<Buffer> {
  const title = `Verklaring van verwijdering, ${s.aanbieder.naam}`;
  const w = await newPdf(title, new Date(s.verwijderdOp));
  w.text('Verklaring van verwijdering', { size: 20, bold: true, role: 'H1' });
  w.heading(`${s.aanbieder.naam}, AGB-code ${s.aanbieder.agbCode}`, 13);
  w.y -= 6;
  w.paragraph(
    `De trusted third party (TTP) van Gemeenteportaal verklaart dat zij op ${when(s.verwijderdOp)} alle gegevens op ` +
      `cliëntniveau heeft verwijderd die zij als verwerker voor deze aanbieder bewaarde, na het einde van de ` +
      `verwerkersovereenkomst versie ${s.overeenkomst.versie} op ${day(s.overeenkomst.beeindigdOp)}.`,
    10,
    0,
  );
  w.paragraph(
    s.keuze === 'TERUGGEVEN'
      ? `Keuze van de aanbieder: teruggeven, daarna verwijderen. ${s.teruggegevenOp ? `De gegevens zijn gedownload op ${when(s.teruggegevenOp)}.` : 'De aanbieder heeft de gegevens niet vóór de verwijderdatum gedownload.'}`
      : 'Keuze van de aanbieder: verwijderen.',
    10,
    0,
  );
  w.y -= 6;
  w.text('Verwijderd', { size: 12, bold: true, role: 'H2' });
  const a = s.aantallen;
  for (const [label, n] of [
    ['Trajectrecords (inclusief metingen)', a.trajectrecords],
    ['Aanleveringen met hun validatieverslag', a.aanleveringen],
    ['Opgeslagen (versleutelde) bestanden', a.opgeslagenBestanden],
    ['Verzoeken over cliënten', a.clientverzoeken],
    ['Meldingen over aanleveringen', a.meldingen],
  ] as const)
    w.text(`${label}: ${n}`, { size: 10 });
  w.y -= 6;
  w.paragraph(WHAT_STAYS, 9, 0.2);
  w.y -= 6;
  w.text('Ondertekening', { size: 12, bold: true, role: 'H2' });
  w.paragraph(
    `Digitaal ondertekend met ${s.ondertekening.algoritme}, sleutel ${keyFingerprint(s.ondertekening.publiekeSleutel)} ` +
      '(de publieke sleutel staat in het verwerkingsregister van de TTP). De handtekening dekt de gegevens van deze ' +
      'verklaring zoals het portaal ze bewaart; het portaal controleert haar bij elke download.',
    9,
    0.2,
  );
  w.paragraph(`Handtekening: ${s.ondertekening.handtekening}`, 7, 0.35);
  return finishPdf(w, `Gemeenteportaal - verklaring van verwijdering ${s.aanbieder.naam}`);
}

export async function processingRegisterPdf(r: ProcessingRegister): Promise<Buffer> {
  const w = await newPdf('Register van verwerkingsactiviteiten (AVG art. 30)', r.generatedAt);
  w.text('Register van verwerkingsactiviteiten', { size: 20, bold: true, role: 'H1' });
  w.text(`Gemeenteportaal, als verwerker. Opgesteld ${when(r.generatedAt.toISOString())}.`, { size: 10 });
  for (const section of r.sections) {
    w.ensure(50);
    w.y -= 8;
    w.text(section.title, { size: 12, bold: true, role: 'H2' });
    if (section.rows.length === 0) w.text('Geen.', { size: 9, shade: 0.35 });
    for (const [label, value] of section.rows) {
      w.ensure(24);
      w.paragraph(`${label}: ${value}`, 9, 0);
    }
  }
  return finishPdf(w, 'Gemeenteportaal - register van verwerkingsactiviteiten');
}

/** The register as rows for CSV: section, item, value. */
export const processingRegisterRows = (r: ProcessingRegister) =>
  r.sections.flatMap((s) => s.rows.map(([label, value]) => [s.title, label, value]));
