import { grayscale } from 'pdf-lib';
import { formatMonth } from '@/lib/filters/months';
import { HIDDEN_EXPLANATION, PERTURBATION_NOTE } from '@/lib/indicators/disclosure-control';
import { formatN, formatPct, NOT_YET_KNOWN, notYetKnown, periodsUnsettledNote } from '@/lib/indicators/format-figure';
import type { Figure } from '@/lib/indicators/indicator-table';
import type { ConversationRecord } from '@/lib/services/conversations/conversation-record';
import type { ReportIndicator, Spiegelrapportage } from '@/lib/services/reports/get-spiegelrapportage';
import { REPORT_VERSION_LABEL } from '@/lib/services/reports/report-target';
import { finishPdf, M, newPdf, pdfSafe, WIDTH, type Writer } from './pdf-writer';

// The spiegelrapportage as an A4 PDF. Black and white by design: categories are shades of grey from
// dark to light with their percentage printed in the bar, and every figure is also in a table, so
// the report reads the same printed on any office printer (lib/renderers/pdf-writer.ts).

const SHADES = [0.15, 0.38, 0.58, 0.76, 0.9];

const periodText = (p: { label: string; van: string; tm: string }) =>
  `${p.label}, einddatum ${formatMonth(p.van)} t/m ${formatMonth(p.tm)}`;
const cell = (f: Figure) =>
  f.suppressed ? formatN(f) : f.pct === null ? formatN(f) : `${formatN(f)} (${formatPct(f.pct)})`;

function drawBar(w: Writer, figures: Figure[], x: number, width: number, height: number) {
  let left = x;
  const y = w.y - height;
  figures.forEach((f, i) => {
    const share = f.pct ?? 0;
    const segment = (width * share) / 100;
    if (segment <= 0) return;
    const shade = SHADES[Math.min(i, SHADES.length - 1)];
    w.artifact(() =>
      w.page.drawRectangle({
        x: left,
        y,
        width: segment,
        height,
        color: grayscale(shade),
        borderColor: grayscale(0),
        borderWidth: 0.4,
      }),
    );
    const label = formatPct(f.pct);
    if (w.width(label, 7) + 4 < segment) {
      w.markedText(() =>
        w.page.drawText(label, {
          x: left + 2,
          y: y + height / 2 - 2.5,
          size: 7,
          font: w.fonts.regular,
          color: grayscale(shade < 0.5 ? 1 : 0),
        }),
      );
    }
    left += segment;
  });
  if (left === x)
    w.artifact(() => w.page.drawRectangle({ x, y, width, height, borderColor: grayscale(0.5), borderWidth: 0.4 }));
}

function drawIndicator(w: Writer, ind: ReportIndicator) {
  const rowH = 14;
  w.ensure(60 + ind.periods.length * (rowH + 4) + (ind.periods.length + 2) * 12);
  w.y -= 6;
  w.text(ind.label, { size: 13, bold: true, role: 'H2' });
  w.paragraph(ind.description);
  // legend
  let lx = M;
  ind.categories.forEach((c, i) => {
    const label = pdfSafe(c.label);
    const lw = w.width(label, 7.5) + 18;
    if (lx + lw > M + WIDTH) {
      lx = M;
      w.y -= 11;
    }
    // the legend repeats the table's column heads: decoration for the eye, an artifact for a reader
    w.artifact(() => {
      w.page.drawRectangle({
        x: lx,
        y: w.y - 8,
        width: 8,
        height: 8,
        color: grayscale(SHADES[Math.min(i, SHADES.length - 1)]),
        borderColor: grayscale(0),
        borderWidth: 0.4,
      });
      w.page.drawText(label, { x: lx + 11, y: w.y - 7.5, size: 7.5, font: w.fonts.regular });
    });
    lx += lw;
  });
  w.y -= 16;
  // one bar per period: the distribution over the categories (a Figure; its alternative text says it)
  w.struct('Figure', () => drawBars(w, ind, rowH), chartAlt(ind));
  drawTable(w, ind);
}

/** The chart in words: per period the share of each category, or why it is not shown. */
const chartAlt = (ind: ReportIndicator) =>
  `Staafdiagram ${ind.label}: ${ind.periods
    .map((p) =>
      notYetKnown(p.unsettledFrom, p.populatie)
        ? `${p.period.label} ${NOT_YET_KNOWN}`
        : p.whollySuppressed || p.headline.suppressed
          ? `${p.period.label} niet getoond`
          : `${p.period.label} ${ind.categories.map((c, i) => `${c.label} ${formatPct(p.categories[i].pct)}`).join(', ')}`,
    )
    .join('; ')}. De tabel hieronder geeft dezelfde cijfers.`;

function drawBars(w: Writer, ind: ReportIndicator, rowH: number) {
  for (const p of ind.periods) {
    w.text(p.period.label, { size: 8, advance: false });
    if (p.whollySuppressed || p.headline.suppressed) {
      w.text(p.whollySuppressed ? `${formatN(p.populatie)} cliënten: niet getoond` : 'niet getoond', {
        x: M + 110,
        size: 8,
        advance: false,
      });
    } else if (notYetKnown(p.unsettledFrom, p.populatie)) {
      w.text(NOT_YET_KNOWN, { x: M + 110, size: 8, advance: false });
    } else if ((p.populatie.n ?? 0) === 0) {
      w.text('geen beëindigde trajecten', { x: M + 110, size: 8, advance: false });
    } else {
      drawBar(w, p.categories, M + 110, WIDTH - 180, rowH - 3);
      w.text(`n = ${formatN(p.populatie)}`, { x: M + WIDTH - 60, size: 8, advance: false });
    }
    w.y -= rowH + 2;
  }
}

/** The same figures as a table (Table > TR > TH/TD): n (percentage) per category, and respons. */
function drawTable(w: Writer, ind: ReportIndicator) {
  w.y -= 4;
  const cols = [
    'Periode',
    'Cliënten',
    ...ind.categories.map((c) => c.label),
    ...(ind.periods[0]?.respons ? ['Respons'] : []),
  ];
  const colW = [90, 50, ...Array(cols.length - 2).fill((WIDTH - 140) / (cols.length - 2))];
  const xs = colW.map((_, i) => M + colW.slice(0, i).reduce((s, cw) => s + cw, 0));
  const header = (t: string, i: number) => {
    const max = colW[i] - 4;
    let s = pdfSafe(t);
    while (s.length > 3 && w.width(s, 7, true) > max) s = `${s.slice(0, -2)}…`;
    return s;
  };
  w.struct('Table', () => {
    w.struct('TR', () => {
      cols.forEach((c, i) => {
        w.struct('TH', () => w.text(header(c, i), { x: xs[i], size: 7, bold: true, advance: false }));
      });
    });
    w.y -= 11;
    for (const p of ind.periods) {
      const values = notYetKnown(p.unsettledFrom, p.populatie)
        ? [p.period.label, NOT_YET_KNOWN]
        : [p.period.label, formatN(p.populatie), ...p.categories.map(cell), ...(p.respons ? [cell(p.respons)] : [])];
      w.struct('TR', () => {
        values.forEach((v, i) => {
          w.struct(i === 0 ? 'TH' : 'TD', () => w.text(v, { x: xs[i], size: 7.5, advance: false }));
        });
      });
      w.y -= 11;
    }
  });
  w.artifact(() =>
    w.page.drawLine({
      start: { x: M, y: w.y - 2 },
      end: { x: M + WIDTH, y: w.y - 2 },
      thickness: 0.3,
      color: grayscale(0.6),
    }),
  );
  w.y -= 10;
  const note = periodsUnsettledNote(ind.periods);
  if (note) w.paragraph(note, 7.5);
}

/** The conversation's record first: the questions with both sides' answers, then the actions. */
function drawRecord(w: Writer, record: ConversationRecord) {
  w.heading(record.title, 18);
  w.paragraph(record.about);
  for (const q of record.questions) {
    w.ensure(40);
    w.y -= 6;
    w.text(q.title, { size: 12, bold: true, role: 'H2' });
    if (q.answers.length === 0) w.text('Geen antwoorden vastgelegd.', { size: 9, shade: 0.35 });
    for (const a of q.answers) {
      w.ensure(30);
      w.text(`${a.side} (${a.author}, ${a.at}):`, { size: 8.5, bold: true });
      w.paragraph(a.text, 9, 0);
    }
  }
  w.ensure(40);
  w.y -= 6;
  w.text('Afgesproken acties', { size: 12, bold: true, role: 'H2' });
  if (record.actions.length === 0) w.text('Geen acties vastgelegd.', { size: 9, shade: 0.35 });
  for (const a of record.actions) {
    w.ensure(30);
    w.paragraph(`- ${a.description} (eigenaar: ${a.owner}; uiterlijk ${a.due}; ${a.status})`, 9, 0);
  }
  w.newPage();
}

/** The spiegelrapportage; with a conversation's record, the record comes first (the kwaliteitsgesprek's verslag). */
export async function spiegelrapportagePdf(r: Spiegelrapportage, record?: ConversationRecord): Promise<Buffer> {
  const w = await newPdf(`Spiegelrapportage ${r.aanbieder.name}, ${r.period.label}`, new Date(r.generatedAt));
  if (record) drawRecord(w, record);
  w.text('Spiegelrapportage', { size: 20, bold: true, role: 'H1' });
  w.heading(`${r.aanbieder.name}, AGB-code ${r.aanbieder.agbCode}`, 13);
  w.y -= 4;
  w.text(`Periode: ${periodText(r.period)}`, { size: 9 });
  w.text(`Versie: ${REPORT_VERSION_LABEL[r.version]}`, { size: 9 });
  w.text(`Over: ${r.audience}`, { size: 9 });
  w.text(`Volwassenheidsniveau: ${r.maturity.level ?? ''} ${r.maturity.label}`.replace('  ', ' '), { size: 9 });
  w.text(
    `Gemaakt: ${new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(r.generatedAt))}`,
    { size: 9 },
  );
  w.y -= 4;
  w.paragraph(
    r.version === 'deelbaar'
      ? `"< 7": ${HIDDEN_EXPLANATION} ${PERTURBATION_NOTE} Deze versie mag gedeeld worden, bijvoorbeeld voor het kwaliteitsgesprek.`
      : 'Interne versie: alle aantallen, ook kleine. Alleen voor de aanbieder zelf; deel de deelbare versie.',
  );
  w.paragraph(
    'Elke periode telt de trajecten met een einddatum in die periode. Cliënten: unieke cliënten; percentages over de gemeten trajecten (respons: over alle beëindigde trajecten). De vier perioden zijn opeenvolgend; vergelijk ze als ontwikkeling, niet als norm.',
  );
  for (const ind of r.indicators) drawIndicator(w, ind);
  // The conversation's verslag is named as such on every page, also on the pages of the figures.
  const kind = record ? 'verslag kwaliteitsgesprek' : 'spiegelrapportage';
  return finishPdf(w, `Gemeenteportaal - ${kind} ${r.aanbieder.name} - ${r.period.label}`);
}
