import { grayscale, PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';

// The one way this portal writes PDF text: A4, pdf-lib's standard Helvetica (no font files, no
// network), text limited to what WinAnsi can encode, black and white, every document with a title,
// language nl-NL and a footer on each page.

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

export class Writer {
  page!: PDFPage;
  y = 0;
  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }
  newPage() {
    this.page = this.doc.addPage([A4.w, A4.h]);
    this.y = A4.h - M;
  }
  ensure(height: number) {
    if (this.y - height < M + 20) this.newPage();
  }
  text(t: string, opts: { x?: number; size?: number; bold?: boolean; shade?: number; advance?: boolean } = {}) {
    const size = opts.size ?? 10;
    this.page.drawText(pdfSafe(t), {
      x: opts.x ?? M,
      y: this.y - size,
      size,
      font: opts.bold ? this.fonts.bold : this.fonts.regular,
      color: grayscale(opts.shade ?? 0),
    });
    if (opts.advance !== false) this.y -= size * 1.4;
  }
  /** Wrapped paragraph within the text width. */
  paragraph(t: string, size = 9, shade = 0.2, bold = false) {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    const words = pdfSafe(t).split(/\s+/);
    let line = '';
    for (const w of words) {
      const next = line ? `${line} ${w}` : w;
      if (font.widthOfTextAtSize(next, size) > WIDTH && line) {
        this.text(line, { size, shade, bold });
        line = w;
      } else line = next;
    }
    if (line) this.text(line, { size, shade, bold });
  }
  /** A heading that wraps within the text width instead of running off the page. */
  heading(t: string, size: number) {
    this.paragraph(t, size, 0, true);
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

/** Writes the footer ("… - pagina i van n") on every page and returns the file. */
export async function finishPdf(w: Writer, footer: string): Promise<Buffer> {
  const pages = w.doc.getPages();
  pages.forEach((p, i) => {
    p.drawText(pdfSafe(`${footer} - pagina ${i + 1} van ${pages.length}`), {
      x: M,
      y: M / 2,
      size: 7,
      font: w.fonts.regular,
      color: grayscale(0.35),
    });
  });
  return Buffer.from(await w.doc.save());
}
