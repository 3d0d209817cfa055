import {
  beginMarkedContent,
  endMarkedContent,
  grayscale,
  type PDFArray,
  type PDFDict,
  PDFDocument,
  type PDFFont,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  type PDFRef,
  PDFString,
  StandardFonts,
} from 'pdf-lib';

// The one way this portal writes PDF text: A4, pdf-lib's standard Helvetica (no font files, no
// network), text limited to what WinAnsi can encode, black and white, every document with a title,
// language nl-NL and a footer on each page.
//
// Tagged (PDF/UA's structure, as Dutch public bodies must publish, issue 13): every piece of text is
// marked content owned by a structure element (Document > H1/H2/P/Table/TR/TH/TD/Figure) in the order
// it is written, which is the reading order; charts are Figures with alternative text; footers and
// decoration are artifacts. pdf-lib has no tagging of its own, so the writer builds the structure
// tree, the parent tree and the marked-content operators itself.

export const A4 = { w: 595.28, h: 841.89 };
export const M = 50; // margin
export const WIDTH = A4.w - 2 * M;

/** WinAnsi has no ≤ ≥ →: write them out; anything else it cannot encode becomes "?". */
export function pdfSafe(text: string): string {
  return text
    .replace(/≤/g, '<=')
    .replace(/≥/g, '>=')
    .replace(/→/g, '->')
    .replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u20ac]/g, '?');
}

export type Fonts = { regular: PDFFont; bold: PDFFont };

/** Structure roles this writer uses (PDF 1.7 standard structure types). */
export type Role = 'H1' | 'H2' | 'P' | 'Table' | 'TR' | 'TH' | 'TD' | 'Figure' | 'L' | 'LI';

type Elem = { ref: PDFRef; kids: PDFArray };

export class Writer {
  page!: PDFPage;
  y = 0;
  /** The open structure elements, innermost last; the first is the Document. */
  private readonly open: Elem[] = [];
  /** Per page: the structure element of each marked-content id, in MCID order (the parent tree). */
  private readonly owners: PDFRef[][] = [];
  readonly root: PDFRef;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.root = doc.context.nextRef();
    this.open.push(this.element('Document', this.root));
    this.newPage();
  }
  newPage() {
    this.page = this.doc.addPage([A4.w, A4.h]);
    this.page.node.set(PDFName.of('StructParents'), PDFNumber.of(this.owners.length));
    this.owners.push([]);
    this.y = A4.h - M;
  }
  /** A structure element under `parent`, appended to its children. */
  private element(role: string, parent: PDFRef, alt?: string): Elem {
    const kids = this.doc.context.obj([]);
    const dict = this.doc.context.obj({ Type: 'StructElem', S: role, P: parent, K: kids }) as PDFDict;
    if (alt) dict.set(PDFName.of('Alt'), PDFString.of(pdfSafe(alt)));
    const ref = this.doc.context.register(dict);
    this.open.at(-1)?.kids.push(ref);
    return { ref, kids };
  }
  /** Writes `draw` as the content of a new structure element `role` (nested calls nest). */
  struct<T>(role: Role, draw: () => T, alt?: string): T {
    this.open.push(this.element(role, this.open.at(-1)?.ref ?? this.root, alt));
    try {
      return draw();
    } finally {
      this.open.pop();
    }
  }
  /** Marks what `draw` paints on the current page as content of the innermost open element. */
  private marked(draw: () => void) {
    const owner = this.open.at(-1)!;
    const mcids = this.owners[this.owners.length - 1];
    const mcid = mcids.length;
    mcids.push(owner.ref);
    this.page.pushOperators(
      PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
        PDFName.of('Span'),
        // an inline property list; pdf-lib's operand type lacks dictionaries but writes them as such
        this.doc.context.obj({ MCID: mcid }) as unknown as PDFArray,
      ]),
    );
    draw();
    this.page.pushOperators(endMarkedContent());
    owner.kids.push(this.doc.context.obj({ Type: 'MCR', Pg: this.page.ref, MCID: mcid }));
  }
  /** Paints decoration that carries no information of its own (rules, legend swatches, bar outlines). */
  artifact(draw: () => void) {
    this.page.pushOperators(beginMarkedContent('Artifact'));
    draw();
    this.page.pushOperators(endMarkedContent());
  }
  /** Text painted inside an element (a chart's labels): marked as that element's content. */
  markedText(draw: () => void) {
    this.marked(draw);
  }
  /** Closes the structure: the tree root, the parent tree, and the catalog's tagged-PDF flags. */
  finishStructure() {
    const ctx = this.doc.context;
    const nums = ctx.obj([]);
    this.owners.forEach((refs, i) => {
      nums.push(PDFNumber.of(i));
      nums.push(ctx.register(ctx.obj(refs)));
    });
    ctx.assign(
      this.root,
      ctx.obj({
        Type: 'StructTreeRoot',
        K: ctx.obj([this.open[0].ref]),
        ParentTree: ctx.register(ctx.obj({ Nums: nums })),
        ParentTreeNextKey: this.owners.length,
      }),
    );
    const catalog = this.doc.catalog;
    catalog.set(PDFName.of('StructTreeRoot'), this.root);
    catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
    catalog.set(PDFName.of('ViewerPreferences'), ctx.obj({ DisplayDocTitle: true }));
  }
  ensure(height: number) {
    if (this.y - height < M + 20) this.newPage();
  }
  /**
   * One line of text, owned by the innermost open element; outside any (`role` given or not), by a
   * new element of `role` (default P).
   */
  text(
    t: string,
    opts: { x?: number; size?: number; bold?: boolean; shade?: number; advance?: boolean; role?: Role } = {},
  ) {
    const size = opts.size ?? 10;
    const draw = () =>
      this.marked(() =>
        this.page.drawText(pdfSafe(t), {
          x: opts.x ?? M,
          y: this.y - size,
          size,
          font: opts.bold ? this.fonts.bold : this.fonts.regular,
          color: grayscale(opts.shade ?? 0),
        }),
      );
    if (opts.role || this.open.length === 1) this.struct(opts.role ?? 'P', draw);
    else draw();
    if (opts.advance !== false) this.y -= size * 1.4;
  }
  /** Wrapped paragraph within the text width: one element, whatever pages its lines fall on. */
  paragraph(t: string, size = 9, shade = 0.2, bold = false, role: Role = 'P') {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    const words = pdfSafe(t).split(/\s+/);
    this.struct(role, () => {
      let line = '';
      for (const w of words) {
        const next = line ? `${line} ${w}` : w;
        if (font.widthOfTextAtSize(next, size) > WIDTH && line) {
          this.text(line, { size, shade, bold });
          line = w;
        } else line = next;
      }
      if (line) this.text(line, { size, shade, bold });
    });
  }
  /** A heading (H1 for the title, H2 below it) that wraps within the text width instead of running off the page. */
  heading(t: string, size: number, role: 'H1' | 'H2' = size >= 18 ? 'H1' : 'H2') {
    this.paragraph(t, size, 0, true, role);
  }
  width(t: string, size: number, bold = false) {
    return (bold ? this.fonts.bold : this.fonts.regular).widthOfTextAtSize(pdfSafe(t), size);
  }
}

/** A new document with its metadata and a writer on its first page. */
export async function newPdf(title: string, created = new Date()): Promise<Writer> {
  const doc = await PDFDocument.create();
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  doc.setTitle(pdfSafe(title));
  doc.setAuthor('Gemeenteportaal');
  doc.setCreator('Gemeenteportaal');
  doc.setLanguage('nl-NL');
  doc.setCreationDate(created);
  return new Writer(doc, fonts);
}

/** Writes the footer ("… - pagina i van n", an artifact) on every page, closes the structure and returns the file. */
export async function finishPdf(w: Writer, footer: string): Promise<Buffer> {
  const pages = w.doc.getPages();
  pages.forEach((p, i) => {
    p.pushOperators(beginMarkedContent('Artifact'));
    p.drawText(pdfSafe(`${footer} - pagina ${i + 1} van ${pages.length}`), {
      x: M,
      y: M / 2,
      size: 7,
      font: w.fonts.regular,
      color: grayscale(0.35),
    });
    p.pushOperators(endMarkedContent());
  });
  w.finishStructure();
  return Buffer.from(await w.doc.save());
}
