// Files that are plainly something else than a delivery (a PDF, a picture, a web page, a Word
// document), recognised whatever their name says: the provider is told what the file is, instead of
// a row error about a header that was never there. Most by their first bytes; a zip by the names of
// its entries, which the zip check of every workbook gathers (readXlsx).

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** What the file is by its first bytes when it is not a delivery at all ("een PDF-document"), or null. */
export function foreignFileKind(buf: Buffer): string | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return 'een PDF-document';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47])) return 'een afbeelding (PNG)';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'een afbeelding (JPEG)';
  if (startsWith(buf, [0x47, 0x49, 0x46, 0x38])) return 'een afbeelding (GIF)';
  const head = buf
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\uFEFF|^ï»¿/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'een webpagina (HTML)';
  if (head.startsWith('{\\rtf')) return 'een tekstdocument (RTF)';
  return null;
}

/** What a zip is by the names of its entries when it is an Office file but no workbook, or null. */
export function foreignZipKind(names: string[]): string | null {
  if (names.some((n) => n.startsWith('word/'))) return 'een Word-document';
  if (names.some((n) => n.startsWith('ppt/'))) return 'een PowerPoint-presentatie';
  return null;
}

export const foreignFileMessage = (kind: string) =>
  `Dit bestand is ${kind}, geen aanlevering. Lever het CBS-bestand uit uw cliëntsysteem aan (CSV, vaste breedte of Excel .xlsx); zie de pagina Bestandsformaat.`;
