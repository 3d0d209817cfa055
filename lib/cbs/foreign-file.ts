import { unzipSync } from 'fflate';

// Files that are plainly something else than a delivery (a PDF, a picture, a web page, a Word
// document), recognised by their first bytes, whatever their name says: the provider is told what
// the file is, instead of a row error about a header that was never there.

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** The names inside a zip, read from its directory without inflating anything. */
function zipEntries(buf: Buffer): string[] {
  const names: string[] = [];
  try {
    unzipSync(buf, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    // a damaged zip: the Excel reader says so
  }
  return names;
}

/** What the file is when it is not a delivery at all ("een PDF-document"), or null. */
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
  if (startsWith(buf, [0x50, 0x4b])) return foreignZipKind(zipEntries(buf));
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
