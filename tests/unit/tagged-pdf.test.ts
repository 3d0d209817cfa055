import {
  decodePDFRawStream,
  PDFArray,
  type PDFBool,
  type PDFDict,
  PDFDocument,
  PDFName,
  type PDFNumber,
  type PDFRawStream,
  PDFRef,
  type PDFString,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { processingRegisterPdf } from '@/lib/renderers/privacy-pdf';
import { spiegelrapportagePdf } from '@/lib/renderers/spiegel-pdf';
import type { Spiegelrapportage } from '@/lib/services/reports/get-spiegelrapportage';
import { parsePeriod } from '@/lib/services/reports/report-period';

// Issue 13: every PDF the portal makes is a tagged PDF (structure tree in reading order, language
// nl-NL, the title shown as the window title, charts as Figures with alternative text, footers and
// decoration as artifacts), and no text is painted outside the structure.

const fig = (n: number | null, pct: number | null, suppressed = false) => ({ n, pct, suppressed });
const K2 = parsePeriod('2026-K2')!;
const K1 = parsePeriod('2026-K1')!;
const report: Spiegelrapportage = {
  version: 'deelbaar',
  aanbieder: { name: 'Jeugdhulp Proef', agbCode: '12345678' },
  audience: 'Tilburg',
  period: K2,
  generatedAt: '2026-07-15T10:00:00.000Z',
  maturity: { level: 5, label: 'productiedata, respons 25–50%' },
  indicators: [
    {
      key: 'uitval',
      domein: 'JEUGD',
      label: 'Uitval',
      description: 'Trajecten die de cliënt eenzijdig beëindigde.',
      headline: 'uitval',
      categories: [
        { key: '03', label: 'uitval' },
        { key: 'overig', label: 'overig' },
      ],
      periods: [
        {
          period: K1,
          whollySuppressed: false,
          populatie: fig(40, null),
          headline: fig(4, 10),
          categories: [fig(4, 10), fig(36, 90)],
          respons: null,
        },
        {
          period: K2,
          whollySuppressed: true,
          populatie: fig(null, null, true),
          headline: fig(null, null, true),
          categories: [fig(null, null, true), fig(null, null, true)],
          respons: null,
        },
      ],
    },
  ],
};

type Node = { role: string; alt?: string; kids: Node[]; mcrs: { page: PDFRef; mcid: number }[] };

async function structureOf(bytes: Buffer) {
  const doc = await PDFDocument.load(bytes);
  const ctx = doc.context;
  const catalog = doc.catalog;
  const get = <T>(d: PDFDict, key: string) => {
    const v = d.get(PDFName.of(key));
    return (v instanceof PDFRef ? ctx.lookup(v) : v) as T;
  };
  const root = get<PDFDict>(catalog, 'StructTreeRoot');
  const walk = (d: PDFDict): Node => {
    const node: Node = { role: get<PDFName>(d, 'S').asString().slice(1), kids: [], mcrs: [] };
    const alt = get<PDFString | undefined>(d, 'Alt');
    if (alt) node.alt = alt.decodeText();
    const k = get<PDFArray>(d, 'K');
    for (let i = 0; i < k.size(); i++) {
      const item = k.get(i);
      const obj = (item instanceof PDFRef ? ctx.lookup(item) : item) as PDFDict;
      if (get<PDFName>(obj, 'Type')?.asString() === '/MCR')
        node.mcrs.push({ page: obj.get(PDFName.of('Pg')) as PDFRef, mcid: get<PDFNumber>(obj, 'MCID').asNumber() });
      else node.kids.push(walk(obj));
    }
    return node;
  };
  const top = get<PDFArray>(root, 'K');
  const document = walk(ctx.lookup(top.get(0)) as PDFDict);
  const contents = doc.getPages().map((p) => {
    const c = p.node.get(PDFName.of('Contents'));
    const streams = c instanceof PDFArray ? c.asArray() : [c];
    return streams
      .map((s) => {
        const raw = ctx.lookup(s as PDFRef) as PDFRawStream;
        return Buffer.from(decodePDFRawStream(raw).decode()).toString('latin1');
      })
      .join('\n');
  });
  return {
    doc,
    document,
    lang: get<PDFString>(catalog, 'Lang')?.decodeText(),
    marked: get<PDFBool>(get<PDFDict>(catalog, 'MarkInfo'), 'Marked')?.asBoolean(),
    displayTitle: get<PDFBool>(get<PDFDict>(catalog, 'ViewerPreferences'), 'DisplayDocTitle')?.asBoolean(),
    contents,
  };
}

const flatten = (n: Node): Node[] => [n, ...n.kids.flatMap(flatten)];

/** Text (BT…ET) painted while no marked-content sequence is open: untagged text. */
function untaggedText(content: string): number {
  let depth = 0;
  let loose = 0;
  for (const token of content.split(/\s+/)) {
    if (token === 'BDC' || token === 'BMC') depth += 1;
    else if (token === 'EMC') depth -= 1;
    else if (token === 'BT' && depth === 0) loose += 1;
  }
  return loose;
}

describe('tagged PDFs', () => {
  it('the spiegelrapportage: structure in reading order, nl-NL, title shown, chart with alternative text', async () => {
    const s = await structureOf(await spiegelrapportagePdf(report));
    expect(s.lang).toBe('nl-NL');
    expect(s.marked).toBe(true);
    expect(s.displayTitle).toBe(true);
    expect(s.doc.getTitle()).toBe('Spiegelrapportage Jeugdhulp Proef, 2e kwartaal 2026');
    const nodes = flatten(s.document);
    expect(s.document.role).toBe('Document');
    const roles = nodes.map((n) => n.role);
    expect(roles.slice(0, 3)).toEqual(['Document', 'H1', 'H2']); // title first, then the provider
    for (const role of ['P', 'Table', 'TR', 'TH', 'TD', 'Figure']) expect(roles).toContain(role);
    const figure = nodes.find((n) => n.role === 'Figure')!;
    expect(figure.alt).toContain('Staafdiagram Uitval');
    expect(figure.alt).toContain('uitval 10');
    expect(figure.alt).toContain('niet getoond');
    // every marked content id on a page belongs to exactly one element, and no text is untagged
    s.doc.getPages().forEach((page, i) => {
      const mcids = nodes
        .flatMap((n) => n.mcrs)
        .filter((m) => m.page === page.ref)
        .map((m) => m.mcid);
      const inContent = [...s.contents[i].matchAll(/\/MCID (\d+)/g)].map((m) => Number(m[1]));
      expect(mcids.sort((a, b) => a - b)).toEqual(inContent.sort((a, b) => a - b));
      expect(untaggedText(s.contents[i]), `page ${i + 1}`).toBe(0);
    });
    expect(s.contents[0]).toContain('/Artifact BMC'); // the footer
  });

  it('the verslag of a kwaliteitsgesprek and the processing register too', async () => {
    const record = {
      title: 'Kwaliteitsgesprek Tilburg en Jeugdhulp Proef',
      about: 'Periode 2e kwartaal 2026.',
      questions: [
        { title: 'Wat valt op?', answers: [{ side: 'Gemeente', author: 'G', at: '1 juli', text: 'De uitval.' }] },
      ],
      actions: [{ description: 'Uitval bespreken', owner: 'Aanbieder', due: '1 okt', status: 'open' }],
    };
    for (const bytes of [
      await spiegelrapportagePdf(report, record),
      await processingRegisterPdf({
        generatedAt: new Date('2026-07-15T10:00:00Z'),
        sections: [{ title: 'Verwerker', rows: [['Naam', 'Gemeenteportaal TTP']] }],
      }),
    ]) {
      const s = await structureOf(bytes);
      expect([s.lang, s.marked, s.displayTitle]).toEqual(['nl-NL', true, true]);
      const roles = flatten(s.document).map((n) => n.role);
      expect(roles[1]).toBe('H1');
      expect(roles).toContain('H2');
      for (const c of s.contents) expect(untaggedText(c)).toBe(0);
    }
  });
});
