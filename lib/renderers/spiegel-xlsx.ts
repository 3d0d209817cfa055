import ExcelJS from 'exceljs';
import { neutraliseFormula } from '@/lib/exports/csv';
import { formatMonth } from '@/lib/filters/months';
import { HIDDEN_EXPLANATION, HIDDEN_MARKER, PERTURBATION_NOTE } from '@/lib/indicators/disclosure-control';
import { NOT_YET_KNOWN, notYetKnown, periodsUnsettledNote } from '@/lib/indicators/format-figure';
import type { Figure } from '@/lib/indicators/indicator-table';
import type { ConversationRecord } from '@/lib/services/conversations/conversation-record';
import type { Spiegelrapportage } from '@/lib/services/reports/get-spiegelrapportage';
import { REPORT_VERSION_LABEL } from '@/lib/services/reports/report-target';

// The spiegelrapportage as Excel: a sheet that says what it is, and the figures in long format (one
// row per indicator, period and figure), so a pivot table or BI tool reads it without reshaping.
// A hidden figure is the text "< 7" with an empty percentage; a period of which nothing counts yet
// (geen nieuwe start) is one row "nog niet bekend"; no cell is ever a formula.

const text = (v: string) => neutraliseFormula(v);
const setWidths = (sheet: ExcelJS.Worksheet, widths: number[]) => {
  sheet.columns.forEach((c, i) => {
    c.width = widths[i];
  });
};

function addRecord(wb: ExcelJS.Workbook, record: ConversationRecord) {
  const talk = wb.addWorksheet('Gesprek');
  talk.addRow([text(record.title)]).font = { bold: true };
  talk.addRow([text(record.about)]);
  talk.addRow(['vraag', 'kant', 'auteur', 'tijd', 'antwoord']).font = { bold: true };
  for (const q of record.questions)
    for (const a of q.answers) talk.addRow([text(q.title), a.side, text(a.author), a.at, text(a.text)]);
  setWidths(talk, [30, 12, 30, 16, 90]);
  const actions = wb.addWorksheet('Acties');
  actions.addRow(['actie', 'eigenaar', 'uiterlijk', 'status']).font = { bold: true };
  for (const a of record.actions) actions.addRow([text(a.description), text(a.owner), a.due, a.status]);
  setWidths(actions, [60, 30, 16, 22]);
}

/** The spiegelrapportage; with a conversation's record, its answers and actions get a sheet each. */
export async function spiegelrapportageXlsx(r: Spiegelrapportage, record?: ConversationRecord): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gemeenteportaal';
  wb.created = new Date(r.generatedAt);
  if (record) addRecord(wb, record);

  const about = wb.addWorksheet('Toelichting');
  const info: [string, string][] = [
    ['Spiegelrapportage', r.aanbieder.name],
    ['AGB-code', r.aanbieder.agbCode],
    ['Periode', `${r.period.label}, einddatum ${formatMonth(r.period.van)} t/m ${formatMonth(r.period.tm)}`],
    ['Versie', REPORT_VERSION_LABEL[r.version]],
    ['Over', r.audience],
    ['Volwassenheidsniveau', `${r.maturity.level ?? ''} ${r.maturity.label}`.trim()],
    ['Gemaakt', r.generatedAt],
    [
      'Afgeschermd',
      r.version === 'deelbaar'
        ? `"${HIDDEN_MARKER}": ${HIDDEN_EXPLANATION} ${PERTURBATION_NOTE}`
        : 'Interne versie: exacte aantallen, niets afgeschermd. Alleen voor de aanbieder zelf.',
    ],
  ];
  const unsettled = r.indicators.flatMap((ind) => {
    const note = periodsUnsettledNote(ind.periods);
    return note ? [`${ind.label}: ${note}`] : [];
  });
  if (unsettled.length) info.push(['Nog niet bekend', unsettled.join(' ')]);
  for (const [k, v] of info) about.addRow([k, text(v)]).getCell(1).font = { bold: true };
  about.getColumn(1).width = 22;
  about.getColumn(2).width = 90;

  const sheet = wb.addWorksheet('Cijfers');
  sheet.addRow(['indicator', 'periode', 'einddatum_van', 'einddatum_tm', 'cijfer', 'clienten', 'percentage']).font = {
    bold: true,
  };
  const add = (
    indicator: string,
    p: { key: string; van: string; tm: string },
    what: string,
    f: Figure,
    unknown = false,
  ) =>
    sheet.addRow([
      text(indicator),
      p.key,
      p.van,
      p.tm,
      text(what),
      unknown ? NOT_YET_KNOWN : f.suppressed ? HIDDEN_MARKER : (f.n ?? 0),
      unknown || f.suppressed ? null : f.pct,
    ]);
  for (const ind of r.indicators) {
    for (const p of ind.periods) {
      if (notYetKnown(p.unsettledFrom, p.populatie)) {
        // nothing of the period counts yet: one row says so, rather than a 0 for every category
        add(ind.label, p.period, 'populatie (beëindigde trajecten)', p.populatie, true);
        continue;
      }
      add(ind.label, p.period, 'populatie (beëindigde trajecten)', p.populatie);
      ind.categories.forEach((c, i) => {
        add(ind.label, p.period, c.label, p.categories[i]);
      });
      add(ind.label, p.period, ind.headline, p.headline);
      if (p.respons) add(ind.label, p.period, 'respons', p.respons);
    }
  }
  setWidths(sheet, [34, 10, 14, 14, 36, 10, 12]);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
