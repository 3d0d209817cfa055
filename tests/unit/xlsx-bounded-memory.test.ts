import { describe, expect, it } from 'vitest';
import { SLICE, zipPass } from '@/lib/cbs/check-zip';
import { FileRejected } from '@/lib/cbs/file-rejected';
import { ELEMENT_TOO_LONG, MAX_ELEMENT_CHARS, sharedStringsReader, sheetRowsReader } from '@/lib/cbs/xlsx-xml';
import { forgedZipBomb } from '../fixtures/forged-zip-bomb';

// The workbook reader holds a bounded amount whatever a file unpacks to: the inflater hands out
// pieces of a few MB at most, and a row or shared string is refused once it passes its limit, not
// after it has been gathered.

const CHUNK = 64 * 1024;

/** Pushes `start`, then chunks of `fill` until `push` throws; the characters pushed by then. */
function pushUntilRefused(push: (text: string, final: boolean) => unknown, start: string, fill: string) {
  let pushed = start.length;
  push(start, false);
  const chunk = fill.repeat(CHUNK / fill.length);
  try {
    while (pushed < 64 * MAX_ELEMENT_CHARS) {
      push(chunk, false);
      pushed += chunk.length;
    }
  } catch (err) {
    return { err, pushed };
  }
  return { err: null, pushed };
}

describe('the workbook reader at bounded memory', () => {
  it('refuses a row that goes on past the limit as soon as it passes it, in Dutch', () => {
    const rows = sheetRowsReader();
    const { err, pushed } = pushUntilRefused(rows, '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>', 'CL-0001;');
    expect(err).toBeInstanceOf(FileRejected);
    expect((err as Error).message).toBe(ELEMENT_TOO_LONG);
    expect(ELEMENT_TOO_LONG).toMatch(
      /^Het Excelbestand is geweigerd: een rij of tekst in het werkblad is langer dan 1 MB/,
    );
    expect(pushed).toBeLessThanOrEqual(MAX_ELEMENT_CHARS + 2 * CHUNK);
  });

  it('refuses a shared string that goes on past the limit the same way', () => {
    const strings = sharedStringsReader();
    const { err, pushed } = pushUntilRefused(strings.push, '<sst><si><t>', 'abcdefgh');
    expect(err).toBeInstanceOf(FileRejected);
    expect((err as Error).message).toBe(ELEMENT_TOO_LONG);
    expect(pushed).toBeLessThanOrEqual(MAX_ELEMENT_CHARS + 2 * CHUNK);
  });

  // 2.5 MB between rows: kept, it would pass the limit and be refused.
  it('keeps nothing of what lies between rows, however much there is, and reads the rows around it', () => {
    const rows = sheetRowsReader();
    const found = [...rows('<sheetData><row r="1"><c><v>1</v></c></row><ro', false)];
    for (let i = 0; i < 40; i++) found.push(...rows(`w r="${i + 2}"/>${'\u0000'.repeat(CHUNK)}<ro`, false));
    found.push(...rows('w r="99"><c><v>2</v></c></row></sheetData>', true));
    expect(found.map((r) => r.line)).toEqual([1, ...Array.from({ length: 40 }, (_, i) => i + 2), 99]);
  });

  it('inflates a forged zip bomb in pieces of a few MB, never what a whole slice unpacks to at once', () => {
    const bomb = forgedZipBomb(100);
    const pieces: number[] = [];
    const pass = zipPass(bomb.length, () => (chunk) => pieces.push(chunk.length));
    pass.push(bomb);
    expect(() => pass.finish()).toThrow(/zip-bom/);
    // Deflate unpacks at most ~1,030 bytes per byte, so a slice gives a piece of a few MB, and the
    // reader sees the first ones before the caps refuse the bomb. A slice that unpacks past the caps in
    // one piece (64 KB of this bomb: 67 MB) is refused before the reader sees any, but after it was made.
    expect(pieces.length, 'stukken gelezen vóór de weigering').toBeGreaterThan(0);
    expect(Math.max(...pieces)).toBeLessThanOrEqual(SLICE * 1040);
    expect(Math.max(...pieces)).toBeLessThan(10 * 1024 * 1024);
  });

  it('refuses a larger bomb after as much as a smaller one: the ratio is to the bytes read so far', () => {
    const unpackedBeforeRefusal = (megabytes: number) => {
      const bomb = forgedZipBomb(megabytes);
      let seen = 0;
      const pass = zipPass(bomb.length, () => (chunk) => {
        seen += chunk.length;
      });
      pass.push(bomb);
      expect(() => pass.finish()).toThrow(/zip-bom/);
      return seen;
    };
    const [small, large] = [unpackedBeforeRefusal(50), unpackedBeforeRefusal(400)];
    expect(large).toBeLessThanOrEqual(small + SLICE * 1040);
    expect(large).toBeLessThan(20 * 1024 * 1024);
  });
});
